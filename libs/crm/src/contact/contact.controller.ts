import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toContactDto } from './contact.mapper';
import { ContactService } from './contact.service';
import { ContactPageDto, ContactResponseDto, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { ListAccountContactsQuery, ListContactsQuery } from './dto/list-contacts.query';

@ApiTags('Contacts')
@ApiBearerAuth()
@Controller('v1')
export class ContactController {
  constructor(private readonly contacts: ContactService) {}

  @Get('accounts/:id/contacts')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'listAccountContacts', summary: "List an account's contacts (cursor pagination)" })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Account id', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @ApiOkResponse({ type: ContactPageDto })
  @ApiProblems(400, 401, 403, 404)
  async listForAccount(@Tenant() ctx: TenantContext, @IdParam() id: string, @Query() query: ListAccountContactsQuery): Promise<ContactPageDto> {
    const page = await this.contacts.listForAccount(ctx, id, query);
    return { data: page.data.map(toContactDto), nextCursor: page.nextCursor };
  }

  @Post('accounts/:id/contacts')
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'createContact', summary: 'Add a contact to an account' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Account id', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @ApiCreatedResponse({ type: ContactResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async create(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: CreateContactDto): Promise<ContactResponseDto> {
    return toContactDto(await this.contacts.create(ctx, id, body));
  }

  @Get('contacts')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'listContacts', summary: "List the company's contacts, e.g. to poll changes with updatedSince (cursor pagination)" })
  @ApiOkResponse({ type: ContactPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListContactsQuery): Promise<ContactPageDto> {
    const page = await this.contacts.list(ctx, query);
    return { data: page.data.map(toContactDto), nextCursor: page.nextCursor };
  }

  @Get('contacts/:id')
  @RequireScope('crm:read')
  @ApiOperation({ operationId: 'getContact', summary: 'Get a contact' })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ContactResponseDto> {
    return toContactDto(await this.contacts.get(ctx, id));
  }

  @Patch('contacts/:id')
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'updateContact', summary: 'Update some fields of a contact (null clears an optional field)' })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateContactDto): Promise<ContactResponseDto> {
    return toContactDto(await this.contacts.update(ctx, id, body));
  }

  @Delete('contacts/:id')
  @HttpCode(204)
  @RequireScope('crm:write')
  @ApiOperation({ operationId: 'deleteContact', summary: 'Delete a contact (its activities stay on the timeline, without the contact)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
    await this.contacts.delete(ctx, id);
  }
}
