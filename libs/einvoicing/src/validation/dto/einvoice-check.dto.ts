import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PdfFont } from '@comptoir/documents';

export class ValidationIssueDto {
  @ApiProperty({ example: 'BR-CO-15', description: 'Rule id (BR-…, FX-SCH-…), `xsd` for a schema error, `xml` when the XML cannot be read' }) id: string;
  @ApiProperty({ enum: ['fatal', 'warning', 'information'], example: 'fatal', description: 'A schematron assertion without a flag is fatal' }) flag: 'fatal' | 'warning' | 'information';
  @ApiProperty({ example: "/*:CrossIndustryInvoice[namespace-uri()='urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100'][1]" }) location: string;
  @ApiProperty({ example: '[BR-CO-15]-Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).' }) message: string;
  @ApiPropertyOptional({ description: 'The schematron test that failed' }) test?: string;
}

export class ValidationCheckDto {
  @ApiProperty({ example: 'EN 16931 CII schematron' }) name: string;
  @ApiProperty({ enum: ['xsd', 'schematron'], example: 'schematron' }) kind: 'xsd' | 'schematron';
  @ApiProperty({ example: 'en16931-cii/xslt/EN16931-CII-validation.xslt', description: 'Path relative to the standards folder' }) artefact: string;
  @ApiProperty({ example: 0 }) fatal: number;
  @ApiProperty({ example: 0 }) warnings: number;
  @ApiProperty({ type: [ValidationIssueDto] }) issues: ValidationIssueDto[];
  @ApiProperty({ example: 180, description: 'Time this check took, in milliseconds' }) durationMs: number;
}

export class ValidationReportDto {
  @ApiProperty({ example: true, description: 'No fatal issue in any check' }) valid: boolean;
  @ApiProperty({ enum: ['cii', 'ubl'], example: 'cii' }) syntax: 'cii' | 'ubl';
  @ApiProperty({ example: 'EN16931' }) profile: string;
  @ApiProperty({ type: [ValidationCheckDto] }) checks: ValidationCheckDto[];
  @ApiProperty({ example: 612, description: 'Time the validation took, in milliseconds' }) durationMs: number;
}

class FacturXXmpDto {
  @ApiProperty({ example: 'INVOICE', nullable: true, type: String }) documentType: string | null;
  @ApiProperty({ example: 'factur-x.xml', nullable: true, type: String }) documentFileName: string | null;
  @ApiProperty({ example: '1.0', nullable: true, type: String }) version: string | null;
  @ApiProperty({ example: 'EN 16931', nullable: true, type: String }) conformanceLevel: string | null;
}

class FacturXPdfInfoDto {
  @ApiProperty({ nullable: true, type: String, example: 'Facture FA-2026-00042' }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) author: string | null;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String }) creator: string | null;
  @ApiProperty({ nullable: true, type: String }) producer: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-24T08:00:00.000Z' }) creationDate: string | null;
  @ApiProperty({ nullable: true, type: String }) modDate: string | null;
}

class FacturXOutputIntentDto {
  @ApiProperty({ example: 'GTS_PDFA1' }) subtype: string;
  @ApiProperty({ nullable: true, type: String, example: 'sRGB' }) outputConditionIdentifier: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) iccComponents: number | null;
}

class FacturXAttachmentDto {
  @ApiProperty({ example: 'factur-x.xml' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'text/xml' }) mimeType: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Alternative' }) afRelationship: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ example: true, description: 'Listed in the catalog /AF' }) inCatalogAF: boolean;
  @ApiProperty({ example: 5120 }) size: number;
}

class FacturXPdfFontDto implements PdfFont {
  @ApiProperty({ example: 'AAAAAA+DejaVuSans' }) name: string;
  @ApiProperty({ example: 'Type0' }) subtype: string;
  @ApiProperty({ example: true, description: 'The font program is in the file (PDF/A requires it)' }) embedded: boolean;
}

/** What a PDF/A-3 / Factur-X checker looks at first (inspectFacturX), without the XML bytes. */
export class FacturXPdfInspectionDto {
  @ApiProperty({ example: '1.7' }) pdfVersion: string;
  @ApiProperty({ example: false }) encrypted: boolean;
  @ApiProperty({ example: true }) trailerId: boolean;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) pdfaPart: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'B' }) pdfaConformance: string | null;
  @ApiProperty({ type: FacturXXmpDto }) facturX: FacturXXmpDto;
  @ApiProperty({ example: true, description: 'The XMP declares the fx namespace in a PDF/A extension schema' }) facturXSchemaDeclared: boolean;
  @ApiProperty({ type: FacturXPdfInfoDto }) info: FacturXPdfInfoDto;
  @ApiProperty({ type: FacturXOutputIntentDto, nullable: true }) outputIntent: FacturXOutputIntentDto | null;
  @ApiProperty({ type: FacturXAttachmentDto, nullable: true }) attachment: FacturXAttachmentDto | null;
  @ApiProperty({ type: [FacturXPdfFontDto] }) fonts: FacturXPdfFontDto[];
}

export class FacturXCheckDto {
  @ApiProperty({ type: FacturXPdfInspectionDto }) pdf: FacturXPdfInspectionDto;
  @ApiProperty({ type: ValidationReportDto, nullable: true, description: 'The embedded factur-x.xml validated as CII; null when the PDF embeds none' }) xml: ValidationReportDto | null;
}

/** The stored originals of a validated invoice checked against the official XSDs and schematrons. */
export class EInvoiceCheckDto {
  @ApiProperty({ type: ValidationReportDto }) cii: ValidationReportDto;
  @ApiProperty({ type: ValidationReportDto }) ubl: ValidationReportDto;
  @ApiProperty({ type: FacturXCheckDto }) facturx: FacturXCheckDto;
}
