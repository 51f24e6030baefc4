import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { TenantDb } from '@comptoir/platform/database';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { BatchValidationService } from '../batch/batch-validation.service';
import { documentController, toDto } from './document-controller.base';
import { documentMap } from './document-map';
import { CreateCreditNoteDto, ValidateBatchDto } from './dto/document-actions.dto';
import { ConvertDocumentDto } from './dto/document.dto';
import { DocumentMapDto, SalesDocumentResponseDto, ValidateBatchResponseDto } from './dto/document-response.dto';

const convertDoc = (singular: string) =>
  ApiOperation({ operationId: `convert${singular}`, summary: 'Create the next document of the chain from this one (copies parties, addresses, lines, terms; linked both ways)' });
const cancelDoc = (singular: string) => ApiOperation({ operationId: `cancel${singular}`, summary: 'Cancel (dated in an open period only)' });

export class QuotesController extends documentController('quote') {
  @Post(':id/convert')
  @RequireScope('billing:write')
  @convertDoc('Quote')
  @ApiCreatedResponse({ type: SalesDocumentResponseDto, description: 'The new draft order or invoice; the quote becomes done' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async convert(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: ConvertDocumentDto): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.convert(ctx, 'quote', id, body.to));
  }

  @Post(':id/revise')
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'reviseQuote', summary: 'Create the next version of the quote (revision n + 1) as a draft' })
  @ApiCreatedResponse({ type: SalesDocumentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async revise(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.revise(ctx, id));
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'refuseQuote', summary: 'Record that the customer refused the quote' })
  @ApiOkResponse({ type: SalesDocumentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async refuse(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.refuse(ctx, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('billing:write')
  @cancelDoc('Quote')
  @ApiOkResponse({ type: SalesDocumentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async cancel(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.cancel(ctx, 'quote', id));
  }
}

export class OrdersController extends documentController('order') {
  @Post(':id/convert')
  @RequireScope('billing:write')
  @convertDoc('Order')
  @ApiCreatedResponse({ type: SalesDocumentResponseDto, description: 'The new draft delivery note or invoice' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async convert(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: ConvertDocumentDto): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.convert(ctx, 'order', id, body.to));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('billing:write')
  @cancelDoc('Order')
  @ApiOkResponse({ type: SalesDocumentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async cancel(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.cancel(ctx, 'order', id));
  }
}

export class DeliveryNotesController extends documentController('delivery_note') {
  @Post(':id/convert')
  @RequireScope('billing:write')
  @convertDoc('DeliveryNote')
  @ApiCreatedResponse({ type: SalesDocumentResponseDto, description: 'The new draft invoice, priced from the related order' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async convert(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: ConvertDocumentDto): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.convert(ctx, 'delivery_note', id, body.to));
  }
}

export class InvoicesController extends documentController('invoice') {
  @Post(':id/credit-note')
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'createCreditNote', summary: 'Draw up a draft credit note from a validated invoice (by line and quantity, or whatever remains uncredited)' })
  @ApiCreatedResponse({ type: SalesDocumentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async creditNote(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: CreateCreditNoteDto): Promise<SalesDocumentResponseDto> {
    return toDto(await this.documents.creditNote(ctx, id, body));
  }
}

/** Batch validation: a separate controller so that its static path is declared without the type's base. */
@ApiTags('Invoices')
@ApiBearerAuth()
@Controller('v1/invoices/validate-batch')
export class InvoiceBatchController {
  constructor(private readonly batch: BatchValidationService) {}

  @Post()
  @HttpCode(200)
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'validateInvoiceBatch', summary: 'Validate up to 10,000 draft invoices at once, all or none (per-id errors otherwise)' })
  @ApiOkResponse({ type: ValidateBatchResponseDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async validate(@Tenant() ctx: TenantContext, @Body() body: ValidateBatchDto): Promise<ValidateBatchResponseDto> {
    const validated = await this.batch.validate(ctx, body.ids);
    return { count: validated.length, validated };
  }
}

@ApiTags('Documents')
@ApiBearerAuth()
@Controller('v1/documents')
export class DocumentMapController {
  constructor(private readonly db: TenantDb) {}

  @Get(':id/map')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getDocumentMap', summary: 'The chain a sales document belongs to: every linked document (both ways) and the links' })
  @ApiOkResponse({ type: DocumentMapDto })
  @ApiProblems(400, 401, 403, 404)
  async map(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<DocumentMapDto> {
    return this.db.transaction(ctx, (tx) => documentMap(tx, id));
  }
}

