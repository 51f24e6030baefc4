/** The company's chain head as the seal needs it: the last entry's place and hash. */
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/**
 * The statement that locks a company's chain head, creating it at the genesis hash on first use (an
 * upsert locks the row whether it inserts or not). The placeholders are the caller's, so that it can
 * also run as a CTE of a larger statement; `after` names a relation it must read first (a CTE whose
 * locks are to be taken before this one), or none.
 */
export function lockHeadSql(params: { companyId: string; organizationId: string; genesisHash: string }, after?: string): string {
  return `INSERT INTO ledger_heads (company_id, organization_id, last_seq, last_hash)
          SELECT ${params.companyId}::uuid, ${params.organizationId}::uuid, 0, ${params.genesisHash}${after ? ` FROM ${after} LIMIT 1` : ''}
          ON CONFLICT (company_id) DO UPDATE SET company_id = excluded.company_id
          RETURNING last_seq AS "lastSeq", last_hash AS "lastHash"`;
}

/** A head row as PostgreSQL returns it (bigint as a string) made a ChainHead. */
export function chainHead(row: { lastSeq: string | number; lastHash: string } | undefined): ChainHead {
  if (!row) throw new Error('the chain head was not locked');
  return { lastSeq: Number(row.lastSeq), lastHash: row.lastHash };
}
