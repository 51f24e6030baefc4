import { Injectable } from '@nestjs/common';
import { inspectFacturX } from '@comptoir/documents';
import { TenantDb } from '@comptoir/platform/database';
import { TenantContext } from '@comptoir/platform/kernel';
import { FileStore } from '@comptoir/platform/storage';
import { EInvoiceOriginals, einvoiceSection } from '../originals/einvoice-originals.service';
import { EINVOICE_FILES } from '../originals/einvoice-files';
import type { EInvoiceFormat } from '../settings/einvoicing-settings.entity';
import { EInvoiceCheckDto } from './dto/einvoice-check.dto';
import { EInvoiceValidator } from './einvoice-validator';
import { EInvoiceValidationProfile } from './validation-report';

/**
 * Checks the STORED originals of a validated document (the files that were, or will be, transmitted
 * and sealed), not a fresh rendering: the CII and UBL against their XSD and schematrons, the Factur-X
 * PDF's structure and the CII it embeds.
 */
@Injectable()
export class EInvoiceCheck {
  constructor(
    private readonly db: TenantDb,
    private readonly originals: EInvoiceOriginals,
    private readonly files: FileStore,
    private readonly validator: EInvoiceValidator,
  ) {}

  async check(ctx: TenantContext, id: string): Promise<EInvoiceCheckDto> {
    const { row, flow } = await this.db.transaction(ctx, async (tx) => {
      const doc = await this.originals.validatedDocument(tx, id);
      // After the 404 (a stranger learns nothing), before the originals are made for nothing.
      this.validator.assertAvailable();
      return { row: await this.originals.ensure(tx, doc), flow: einvoiceSection(doc)?.flow };
    });
    const stored = (format: EInvoiceFormat) => this.files.get(row[EINVOICE_FILES[format].columns.key]);
    const [cii, ubl, facturx] = await Promise.all([stored('cii'), stored('ubl'), stored('facturx')]);
    // BR-FR "Flux 2" rules are those of domestic B2B e-invoices; B2BINT and B2C are reported, not checked by them.
    const ciiOptions = { syntax: 'cii' as const, profile: row.profile as EInvoiceValidationProfile, frenchRules: flow === 'B2B' };
    const { xml, ...pdf } = await inspectFacturX(facturx);
    return {
      cii: await this.validator.validate(cii.toString('utf8'), ciiOptions),
      // The UBL binding has one profile (EN 16931) and no BR-FR schematron.
      ubl: await this.validator.validate(ubl.toString('utf8'), { syntax: 'ubl', profile: 'EN16931', frenchRules: false }),
      facturx: { pdf, xml: xml ? await this.validator.validate(Buffer.from(xml).toString('utf8'), ciiOptions) : null },
    };
  }
}
