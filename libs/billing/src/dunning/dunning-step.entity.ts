import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';

/**
 * One step of a company's dunning sequence (reminder 1, reminder 2, formal notice…). A step that sent
 * mail is never deleted, only archived: the follow-up history keeps pointing at it.
 */
@Entity('dunning_steps')
@Index('ix_dunning_steps_position', ['companyId', 'position'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_dunning_steps_company' })
export class DunningStepEntity extends CompanyOwnedEntity {
  /** 1, 2, 3…: the order of the live steps. */
  @Column('smallint')
  position: number;

  @Column('varchar', { length: 100 })
  name: string;

  /** Days after the previous step's actual sending date (the first step: after the due date). */
  @Column('smallint')
  delayDays: number;

  /** Mail subject and body, with {{merge.fields}}. */
  @Column('varchar', { length: 300 })
  subject: string;

  @Column('text')
  body: string;

  @Column('boolean', { default: false })
  attachPdf: boolean;

  /** Fee or penalty wording ({{step.feeNote}} in the template), e.g. the 40 € recovery indemnity. */
  @Column('text', { nullable: true })
  feeNote: string | null;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
