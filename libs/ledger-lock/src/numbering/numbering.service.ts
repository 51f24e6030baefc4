import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { AssignedNumber, AssignManyRequest, AssignRequest } from './numbering.types';

/** Legal numbers, assigned inside the validating transaction. */
@Injectable()
export class NumberingService {
  async assign(tx: TenantTx, req: AssignRequest): Promise<AssignedNumber> {
    const [assigned] = await this.assignMany(tx, { documentType: req.documentType, establishmentId: req.establishmentId, dates: [req.date] });
    return assigned as AssignedNumber;
  }

  async assignMany(_tx: TenantTx, _req: AssignManyRequest): Promise<AssignedNumber[]> {
    throw new Error('NumberingService.assignMany: not implemented yet');
  }
}
