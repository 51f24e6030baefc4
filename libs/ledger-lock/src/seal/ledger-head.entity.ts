import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The end of a company's chain, locked FOR UPDATE by every append: it serialises the chain. */
@Entity('ledger_heads')
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_ledger_heads_company' })
export class LedgerHeadEntity {
  @PrimaryColumn('uuid')
  companyId: string;

  @Column('uuid')
  organizationId: string;

  @Column('bigint')
  lastSeq: string;

  @Column('char', { length: 64 })
  lastHash: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
