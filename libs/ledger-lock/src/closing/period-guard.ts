import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';

/** Refuses anything dated inside a closed period. */
@Injectable()
export class PeriodGuard {
  async assertOpen(_tx: TenantTx, _date: string): Promise<void> {
    // not implemented yet: every period is open
  }
}
