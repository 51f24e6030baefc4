import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { EInvoiceCheckDto } from './dto/einvoice-check.dto';
import { EInvoiceCheck } from './einvoice-check.service';

@ApiTags('E-invoicing')
@ApiBearerAuth()
@Controller('v1/invoices')
export class EInvoiceCheckController {
  constructor(private readonly checks: EInvoiceCheck) {}

  @Post(':id/einvoice/check')
  @HttpCode(200)
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'checkInvoiceEInvoice',
    summary: 'Validate the stored e-invoice originals against the official XSDs and schematrons',
    description:
      'CII: Factur-X EN16931 XSD + EN 16931 CII + Factur-X EN16931 schematrons (EXTENDED-CTC-FR: CII D22B XSD + its schematron), plus the French BR-FR rules for domestic B2B invoices; UBL: UBL 2.1 XSD + EN 16931 UBL schematron; Factur-X: the PDF/A-3 structure and its embedded factur-x.xml. Runs on the stored originals (made now if the worker has not yet). A first call after a deployment compiles the schematrons (15 s to 90 s, then cached). `501 standards_unavailable` when the server has no standards folder (COMPTOIR_STANDARDS_DIR).',
  })
  @ApiOkResponse({ type: EInvoiceCheckDto })
  @ApiProblems(400, 401, 403, 404, 409, 501, 503)
  check(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<EInvoiceCheckDto> {
    return this.checks.check(ctx, id);
  }
}
