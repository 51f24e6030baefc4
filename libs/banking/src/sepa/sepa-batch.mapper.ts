import { SepaBatchDetailDto, SepaBatchItemDto, SepaBatchResponseDto } from './sepa-batch.dto';
import { SepaBatchEntity } from './sepa-batch.entity';
import { SepaBatchItemEntity } from './sepa-batch-item.entity';

export const toSepaBatchDto = (b: SepaBatchEntity): SepaBatchResponseDto => ({
  id: b.id,
  status: b.status,
  format: b.format,
  messageId: b.messageId,
  count: b.count,
  total: b.total,
  currency: b.currency,
  collectionDate: b.collectionDate,
  settledOn: b.settledOn,
  createdAt: b.createdAt.toISOString(),
});

export const toSepaItemDto = (i: SepaBatchItemEntity): SepaBatchItemDto => ({
  id: i.id,
  invoiceId: i.invoiceId,
  invoiceNumber: i.invoiceNumber,
  accountId: i.accountId,
  mandateId: i.mandateId,
  mandateReference: i.mandateReference,
  debtorIban: i.debtorIban,
  sequenceType: i.sequenceType,
  amount: i.amount,
  status: i.status,
  paymentId: i.paymentId,
  rejectedOn: i.rejectedOn,
  rejectReason: i.rejectReason,
});

export const toSepaBatchDetailDto = (b: SepaBatchEntity, items: SepaBatchItemEntity[]): SepaBatchDetailDto => ({ ...toSepaBatchDto(b), items: items.map(toSepaItemDto) });
