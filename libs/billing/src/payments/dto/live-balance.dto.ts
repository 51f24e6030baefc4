import { ApiProperty } from '@nestjs/swagger';

/** The live position of a validated invoice, deposit invoice or credit note; never part of the sealed totals. */
export class DocumentBalanceDto {
  @ApiProperty({ example: '100.00', description: 'Received (payments, net of cancellations)' }) paid: string;
  @ApiProperty({ example: '0.00', description: 'Settled by credit notes' }) credited: string;
  @ApiProperty({ example: '200.00', description: 'Invoices: still due (totals.due − paid − credited). Credit notes: credit not yet allocated nor refunded' }) due: string;
}

