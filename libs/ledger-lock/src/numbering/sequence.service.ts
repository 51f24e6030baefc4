import { Injectable } from '@nestjs/common';
import { BusinessRuleError, ConflictError, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { companyCalendar } from '@comptoir/org';
import { formatNumber, patternProblem, patternsMayCollide, periodKey, SequenceFormat } from './number-pattern';
import { NumberSequenceEntity } from './number-sequence.entity';
import { CreateSequenceDto, SequenceResponseDto, UpdateSequenceDto } from './dto/sequence.dto';
import { defaultFormat, ensureDefaultSequences } from './sequence-defaults';

const FORMAT_FIELDS = ['pattern', 'counterWidth', 'reset'] as const;

/** Numbering settings: the company series (created with defaults), establishment series, previews. */
@Injectable()
export class SequenceService {
  constructor(private readonly db: TenantDb) {}

  list(ctx: TenantContext): Promise<SequenceResponseDto[]> {
    return this.db.transaction(ctx, async (tx) => {
      await ensureDefaultSequences(tx);
      const sequences = await this.repo(tx).query('s').orderBy('s.documentType').addOrderBy('s.establishmentId', 'ASC', 'NULLS FIRST').getMany();
      return this.withPreviews(tx, sequences);
    });
  }

  get(ctx: TenantContext, id: string): Promise<SequenceResponseDto> {
    return this.db.transaction(ctx, async (tx) => (await this.withPreviews(tx, [await this.repo(tx).getById(id)]))[0] as SequenceResponseDto);
  }

  create(ctx: TenantContext, input: CreateSequenceDto): Promise<SequenceResponseDto> {
    return this.db.transaction(ctx, async (tx) => {
      const [establishment] = await tx.manager.query(`SELECT 1 FROM establishments WHERE id = $1 AND company_id = $2`, [input.establishmentId, ctx.companyId]);
      if (!establishment) throw new ValidationFailedError([{ path: 'establishmentId', message: 'establishmentId is not an establishment of this company' }]);
      await this.lockSettings(tx);
      const [existing] = await tx.manager.query(`SELECT 1 FROM number_sequences WHERE company_id = $1 AND document_type = $2 AND establishment_id = $3`, [
        ctx.companyId,
        input.documentType,
        input.establishmentId,
      ]);
      if (existing) throw new ConflictError('sequence_exists', `This establishment already has a ${input.documentType} series: change it with PATCH`);
      const defaults = defaultFormat(input.documentType);
      const format: SequenceFormat = { pattern: input.pattern, counterWidth: input.counterWidth ?? defaults.counterWidth, reset: input.reset ?? defaults.reset };
      await this.assertFormat(tx, format, null);
      const now = new Date();
      const sequence = await this.repo(tx).insert({
        id: newId(),
        documentType: input.documentType,
        establishmentId: input.establishmentId,
        ...format,
        usedAt: null,
        lastDate: null,
        createdAt: now,
        updatedAt: now,
      });
      tx.audit({ entity: 'number_sequence', entityId: sequence.id, action: 'create', changes: diffFields(null, sequence as never, FORMAT_FIELDS) });
      return (await this.withPreviews(tx, [sequence]))[0] as SequenceResponseDto;
    });
  }

  update(ctx: TenantContext, id: string, input: UpdateSequenceDto): Promise<SequenceResponseDto> {
    return this.db.transaction(ctx, async (tx) => {
      await this.lockSettings(tx);
      const sequence = await this.repo(tx).getById(id);
      const nulls = FORMAT_FIELDS.filter((field) => (input as Record<string, unknown>)[field] === null);
      if (nulls.length) throw new ValidationFailedError(nulls.map((field) => ({ path: field, message: `${field} cannot be null` })));
      const before = { ...sequence };
      const format: SequenceFormat = {
        pattern: input.pattern ?? sequence.pattern,
        counterWidth: input.counterWidth ?? sequence.counterWidth,
        reset: input.reset ?? sequence.reset,
      };
      const changes = diffFields(before as never, { ...before, ...format } as never, FORMAT_FIELDS);
      if (Object.keys(changes).length) {
        if (sequence.usedAt) {
          throw new ConflictError('sequence_in_use', `This series has issued numbers since ${sequence.usedAt.toISOString()}: its format can no longer change`);
        }
        await this.assertFormat(tx, format, sequence.id);
        Object.assign(sequence, format, { updatedAt: new Date() });
        await this.repo(tx).save(sequence);
        tx.audit({ entity: 'number_sequence', entityId: sequence.id, action: 'update', changes });
      }
      return (await this.withPreviews(tx, [sequence]))[0] as SequenceResponseDto;
    });
  }

  private repo(tx: TenantTx): TenantRepository<NumberSequenceEntity> {
    return tx.repo(NumberSequenceEntity, 'Number sequence');
  }

  /** Settings changes of one company are serialised, so the collision check below cannot race. */
  private async lockSettings(tx: TenantTx): Promise<void> {
    await ensureDefaultSequences(tx);
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`number_sequences:${tx.ctx.companyId}`]);
  }

  /** The format is valid for its reset and cannot print a number another series of the company prints. */
  private async assertFormat(tx: TenantTx, format: SequenceFormat, selfId: string | null): Promise<void> {
    const problem = patternProblem(format.pattern, format.reset);
    if (problem) throw new ValidationFailedError([{ path: 'pattern', message: problem }]);
    const others = (await tx.manager.query(`SELECT id, pattern, document_type AS "documentType" FROM number_sequences WHERE company_id = $1 AND id <> $2`, [
      tx.ctx.companyId,
      selfId ?? '00000000-0000-0000-0000-000000000000',
    ])) as { id: string; pattern: string; documentType: string }[];
    const clash = others.find((other) => patternsMayCollide(other.pattern, format.pattern));
    if (clash) {
      throw new BusinessRuleError('pattern_collision', `Pattern ${format.pattern} could print the same numbers as the ${clash.documentType} series ${clash.pattern}`, [
        { path: 'pattern', message: `could print the same numbers as series ${clash.pattern}` },
      ]);
    }
  }

  /** Each series with the number a document dated today would get next. */
  private async withPreviews(tx: TenantTx, sequences: NumberSequenceEntity[]): Promise<SequenceResponseDto[]> {
    const { today } = await companyCalendar(tx);
    const counters = (await tx.manager.query(
      `SELECT sequence_id AS "sequenceId", period_key AS "periodKey", last_value AS "lastValue" FROM number_counters
        WHERE company_id = $1 AND sequence_id = ANY($2) AND period_key = ANY($3)`,
      [tx.ctx.companyId, sequences.map((s) => s.id), ['', today.slice(0, 4), today.slice(0, 7)]],
    )) as { sequenceId: string; periodKey: string; lastValue: number }[];
    return sequences.map((s) => {
      const current = counters.find((c) => c.sequenceId === s.id && c.periodKey === periodKey(s.reset, today));
      return toSequenceDto(s, formatNumber(s, today, (current?.lastValue ?? 0) + 1));
    });
  }
}

function toSequenceDto(s: NumberSequenceEntity, preview: string): SequenceResponseDto {
  return {
    id: s.id,
    documentType: s.documentType,
    establishmentId: s.establishmentId,
    pattern: s.pattern,
    counterWidth: s.counterWidth,
    reset: s.reset,
    usedAt: s.usedAt ? s.usedAt.toISOString() : null,
    lastDate: s.lastDate,
    preview,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
