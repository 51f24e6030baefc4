import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { STRIPE_MODES, StripeMode } from '../stripe-settings.entity';

export class RegisterStripeCustomerDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: "One of the customer's bank accounts: its IBAN becomes the SEPA debit payment method" })
  @IsUUID()
  bankAccountId: string;

  @ApiPropertyOptional({ example: 'compta@boulangerie-martin.fr', maxLength: 254, description: "Where Stripe sends debit notifications; defaults to the customer's email" })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class StripeCustomerResponseDto {
  @ApiProperty({ example: true }) registered: boolean;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) accountId: string;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce', nullable: true, type: String }) bankAccountId: string | null;
  @ApiProperty({ example: 'cus_Q8x1YzAbCdEfGh', nullable: true, type: String }) stripeCustomerId: string | null;
  @ApiProperty({ example: 'pm_1Q8x1YzAbCdEfGh', nullable: true, type: String }) paymentMethodId: string | null;
  @ApiProperty({ example: 'mandate_1Q8x1YzAbCdEfGh', nullable: true, type: String }) mandateId: string | null;
  @ApiProperty({ example: 'compta@boulangerie-martin.fr', nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: STRIPE_MODES, example: 'test', nullable: true, type: String }) mode: StripeMode | null;
  @ApiProperty({ example: '2026-11-24T09:30:00.000Z', nullable: true, type: String }) updatedAt: string | null;
}
