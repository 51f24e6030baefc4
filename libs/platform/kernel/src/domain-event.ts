/**
 * A fact that happened in a module, written to the outbox in the same transaction as the change and
 * delivered at least once to every subscribed handler. Names are `module.aggregate.verb` (past tense).
 */
export interface DomainEvent<TPayload = Record<string, unknown>> {
  id: string;
  name: string;
  organizationId: string;
  companyId: string | null;
  aggregateType: string;
  aggregateId: string;
  payload: TPayload;
  occurredAt: string;
}

export type NewDomainEvent<TPayload = Record<string, unknown>> = Pick<
  DomainEvent<TPayload>,
  'name' | 'aggregateType' | 'aggregateId' | 'payload'
>;
