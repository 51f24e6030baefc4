import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { DocumentPdfService } from '../pdf/document-pdf.service';
import { DocumentType, TYPE_ROUTES } from './document-kinds';
import { DocumentValidationService } from './document-validation.service';
import { AddLineDto, CreateDocumentDto, UpdateDocumentDto } from './dto/document.dto';
import { SalesDocumentPageDto, SalesDocumentResponseDto } from './dto/document-response.dto';
import { ListDocumentsQuery } from './dto/list-documents.query';
import { toDocumentDto, toSummaryDto } from './sales-document.mapper';
import { SalesDocumentService } from './sales-document.service';
import { LoadedDocument } from './document-store';

export const toDto = ({ doc, lines }: LoadedDocument) => toDocumentDto(doc, lines);

export interface DocumentControllerBase {
  readonly documents: SalesDocumentService;
  readonly validation: DocumentValidationService;
  readonly pdfs: DocumentPdfService;
}

/**
 * The endpoints every document type has, written once: `documentController('invoice')` is the
 * controller of /api/v1/invoices (operation ids listInvoices, createInvoice…). Type-specific actions
 * (convert, refuse, credit note…) are added by the subclass of each type.
 */
export function documentController(type: DocumentType): Type<DocumentControllerBase> {
  const { path, singular, plural, tag } = TYPE_ROUTES[type];
  const label = singular.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

  @ApiTags(tag)
  @ApiBearerAuth()
  @Controller(`v1/${path}`)
  class DocumentController implements DocumentControllerBase {
    constructor(
      readonly documents: SalesDocumentService,
      readonly validation: DocumentValidationService,
      readonly pdfs: DocumentPdfService,
    ) {}

    @Get()
    @RequireScope('billing:read')
    @ApiOperation({ operationId: `list${plural}`, summary: `List ${label}s (filters, search, cursor pagination)` })
    @ApiOkResponse({ type: SalesDocumentPageDto })
    @ApiProblems(400, 401, 403)
    async list(@Tenant() ctx: TenantContext, @Query() query: ListDocumentsQuery): Promise<SalesDocumentPageDto> {
      const page = await this.documents.list(ctx, type, query);
      return { data: page.data.map((d) => toSummaryDto(d, page.accountNames.get(d.accountId) ?? '')), nextCursor: page.nextCursor };
    }

    @Post()
    @RequireScope('billing:write')
    @ApiOperation({ operationId: `create${singular}`, summary: `Create a draft ${label}`, description: 'Lines with a productId and no unitPrice are priced from the catalog.' })
    @ApiCreatedResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 409, 422)
    async create(@Tenant() ctx: TenantContext, @Body() body: CreateDocumentDto): Promise<SalesDocumentResponseDto> {
      return toDto(await this.documents.create(ctx, type, body));
    }

    @Get(':id')
    @RequireScope('billing:read')
    @ApiOperation({ operationId: `get${singular}`, summary: `Get a ${label} with its lines and totals` })
    @ApiOkResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 404)
    async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
      return toDto(await this.documents.get(ctx, type, id));
    }

    @Patch(':id')
    @RequireScope('billing:write')
    @ApiOperation({ operationId: `update${singular}`, summary: `Change a draft ${label} (lines, when given, replace every line)` })
    @ApiOkResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async update(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: UpdateDocumentDto): Promise<SalesDocumentResponseDto> {
      return toDto(await this.documents.update(ctx, type, id, body));
    }

    @Delete(':id')
    @HttpCode(204)
    @RequireScope('billing:write')
    @ApiOperation({ operationId: `delete${singular}`, summary: `Delete a draft ${label}` })
    @ApiNoContentResponse({ description: 'Deleted' })
    @ApiProblems(400, 401, 403, 404, 409)
    async delete(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<void> {
      await this.documents.delete(ctx, type, id);
    }

    @Post(':id/lines')
    @RequireScope('billing:write')
    @ApiOperation({ operationId: `add${singular}Line`, summary: `Add a product line to a draft ${label}, priced from the catalog` })
    @ApiCreatedResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async addLine(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: AddLineDto): Promise<SalesDocumentResponseDto> {
      return toDto(await this.documents.addLine(ctx, type, id, body));
    }

    @Post(':id/synchronise')
    @HttpCode(200)
    @RequireScope('billing:write')
    @ApiOperation({ operationId: `synchronise${singular}`, summary: `Reset the product lines of a draft ${label} from the current catalog` })
    @ApiOkResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async synchronise(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
      return toDto(await this.documents.synchronise(ctx, type, id));
    }

    @Post(':id/validate')
    @HttpCode(200)
    @RequireScope('billing:write')
    @ApiOperation({
      operationId: `validate${singular}`,
      summary: `Validate a draft ${label}: legal number, frozen snapshot${type === 'invoice' ? ', sealed into the ledger' : ''}`,
    })
    @ApiOkResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async validate(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
      return toDto(await this.validation.validate(ctx, type, id));
    }

    @Post(':id/duplicate')
    @RequireScope('billing:write')
    @ApiOperation({ operationId: `duplicate${singular}`, summary: `Copy a ${label} into a new draft` })
    @ApiCreatedResponse({ type: SalesDocumentResponseDto })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async duplicate(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SalesDocumentResponseDto> {
      return toDto(await this.documents.duplicate(ctx, type, id));
    }

    @Get(':id/pdf')
    @RequireScope('billing:read')
    @ApiOperation({
      operationId: `get${singular}Pdf`,
      summary: `The ${label} as PDF`,
      description: 'Drafts are rendered now with a SPECIMEN watermark; a validated document is served from its stored original, never re-rendered.',
    })
    @ApiProduces('application/pdf')
    @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
    @ApiProblems(400, 401, 403, 404, 503)
    async pdf(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<StreamableFile> {
      const file = await this.pdfs.pdf(ctx, type, id);
      return new StreamableFile(file.bytes, { type: 'application/pdf', disposition: `inline; filename="${file.filename}"`, length: file.bytes.length });
    }
  }

  return DocumentController;
}
