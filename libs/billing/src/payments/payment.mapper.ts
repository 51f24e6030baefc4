import { AllocationResponseDto, PaymentDetailDto, PaymentResponseDto } from './dto/payment-response.dto';
import { PaymentEntity } from './payment.entity';

export function toPaymentDto(p: PaymentEntity, accountName: string): PaymentResponseDto {
  return {
    id: p.id,
    accountId: p.accountId,
    accountName,
    direction: p.direction,
    date: p.date,
    method: p.method,
    amount: p.amount,
    currency: p.currency,
    unallocated: p.unallocated,
    bankAccountId: p.bankAccountId,
    reference: p.reference,
    note: p.note,
    externalRef: p.externalRef,
    status: p.status,
    cancelledOn: p.cancelledOn,
    cancelReason: p.cancelReason,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toPaymentDetailDto(p: PaymentEntity, accountName: string, allocations: AllocationResponseDto[]): PaymentDetailDto {
  return { ...toPaymentDto(p, accountName), allocations };
}
