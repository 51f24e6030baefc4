import { ApiProperty } from '@nestjs/swagger';

export class StripeWebhookReceiptDto {
  @ApiProperty({ example: true }) received: boolean;
  @ApiProperty({ enum: ['recorded', 'ignored', 'duplicate'], example: 'recorded', description: 'duplicate: the event was handled before and changed nothing this time' })
  outcome: 'recorded' | 'ignored' | 'duplicate';
}
