import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EINVOICE_FORMATS, EInvoiceFormat } from '../../settings/einvoicing-settings.entity';

export class EInvoiceFormatQuery {
  @ApiProperty({ enum: EINVOICE_FORMATS, example: 'facturx', description: 'facturx: the PDF/A-3 with its CII embedded; cii: UN/CEFACT CII (Factur-X profile); ubl: UBL 2.1' })
  @IsIn(EINVOICE_FORMATS)
  format: EInvoiceFormat;
}
