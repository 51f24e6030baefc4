import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { STRIPE_MODES, StripeMode } from '../stripe-settings.entity';

export class UpdateStripeSettingsDto {
  @ApiProperty({ example: 'sk_test_51H8xYzAbCdEfGhIjKlMnOpQr', maxLength: 255, writeOnly: true, description: 'Secret (sk_test_/sk_live_) or restricted (rk_…) key; stored sealed, never returned' })
  @IsString()
  @MaxLength(255)
  secretKey: string;

  @ApiProperty({ example: 'pk_test_51H8xYzAbCdEfGhIjKlMnOpQr', maxLength: 255, description: 'Publishable key (pk_…) of the same mode' })
  @IsString()
  @MaxLength(255)
  publishableKey: string;

  @ApiPropertyOptional({ example: 'whsec_AbCdEfGhIjKlMnOpQrStUv', maxLength: 255, writeOnly: true, description: 'Webhook signing secret (whsec_…); left out: the one in place is kept' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  webhookSecret?: string;
}

export class StripeSettingsResponseDto {
  @ApiProperty({ example: true, description: 'Keys are in place' }) configured: boolean;
  @ApiProperty({ enum: STRIPE_MODES, example: 'test', nullable: true, type: String, description: 'From the secret key prefix' }) mode: StripeMode | null;
  @ApiProperty({ example: 'pk_test_51H8xYzAbCdEfGhIjKlMnOpQr', nullable: true, type: String }) publishableKey: string | null;
  @ApiProperty({ example: 'MnOp', nullable: true, type: String, description: 'Last four characters of the secret key: all that is ever shown of it' }) secretKeyLast4: string | null;
  @ApiProperty({ example: 'https://comptoir.example/api/v1/stripe/webhooks/01934567-89ab-7cde-8f01-23456789abcd', description: 'The endpoint to declare in the Stripe dashboard' })
  webhookUrl: string;
  @ApiProperty({ example: true }) webhookSecretConfigured: boolean;
  @ApiProperty({ example: '2026-11-24T09:30:00.000Z', nullable: true, type: String }) updatedAt: string | null;
}

export class StripeConnectionTestDto {
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ enum: STRIPE_MODES, example: 'test' }) mode: StripeMode;
  @ApiProperty({ example: 'Boulangerie Martin SAS', nullable: true, type: String, description: 'The Stripe account the keys belong to' }) accountName: string | null;
}
