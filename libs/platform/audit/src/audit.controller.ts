import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ForbiddenError, TenantContext } from '@comptoir/platform/kernel';
import { hasScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, ListQueryDto } from '@comptoir/platform/http';
import { AuditEntryEntity } from '@comptoir/platform/database';
import { AuditService } from './audit.service';

/** Audited record types and the scope that lets a caller read their history. */
export const AUDITED_ENTITIES: Record<string, string> = {
  account: 'crm:read',
  contact: 'crm:read',
  activity: 'crm:read',
  company: 'org:read',
  establishment: 'org:read',
  sector: 'org:read',
  user: 'org:read',
  api_key: 'org:read',
  invitation: 'org:read',
  organization: 'org:read',
  vat_rate: 'catalog:read',
  product: 'catalog:read',
  price_list: 'catalog:read',
  customer_price: 'catalog:read',
  sales_document: 'billing:read',
  dunning_steps: 'billing:read',
  payment: 'billing:read',
  bank_account: 'banking:read',
  mandate: 'banking:read',
  sepa_batch: 'banking:read',
  stripe_settings: 'banking:read',
  billing_settings: 'billing:read',
  einvoicing_settings: 'billing:read',
  number_sequence: 'ledger:read',
  ledger_closing: 'ledger:read',
  accounting_settings: 'ledger:read',
};

class AuditQuery extends ListQueryDto {
  @ApiProperty({ enum: Object.keys(AUDITED_ENTITIES), example: 'account' })
  @IsIn(Object.keys(AUDITED_ENTITIES))
  entity: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsUUID()
  id: string;
}

class AuditActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'], example: 'user' }) type: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, example: '01934567-89ab-7cde-8f01-23456789abcd' }) id: string | null;
  @ApiProperty({ example: 'Claire Martin' }) name: string;
}

class AuditEntryDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) id: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) at: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'account' }) entity: string;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { name: { from: 'Martin', to: 'Boulangerie Martin' } } })
  changes: Record<string, { from: unknown; to: unknown }>;
  @ApiPropertyOptional({ nullable: true, type: String, example: '4bf92f3577b34da6a3ce929d0e0e4736' }) requestId: string | null;
}

class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) data: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` for older entries; null on the last page' })
  nextCursor: string | null;
}

const toAuditEntryDto = (r: AuditEntryEntity): AuditEntryDto => ({
  id: r.id,
  at: r.at.toISOString(),
  actor: { type: r.actorType, id: r.actorId, name: r.actorName },
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  changes: r.changes,
  requestId: r.requestId,
});

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ operationId: 'listAuditEntries', summary: 'Who changed what and when on one record, newest first (cursor pagination)' })
  @ApiOkResponse({ type: AuditListDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: AuditQuery): Promise<AuditListDto> {
    const scope = AUDITED_ENTITIES[query.entity]!;
    if (!hasScope(ctx.scopes, scope)) throw new ForbiddenError(`This needs the ${scope} scope`);
    const page = await this.audit.history(ctx, query.entity, query.id, query);
    return { data: page.data.map(toAuditEntryDto), nextCursor: page.nextCursor };
  }
}
