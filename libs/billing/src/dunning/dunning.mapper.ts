import { DunningHistoryEntry, RunProgress } from './dunning-history.service';
import { PlannedInvoice } from './dunning-planner';
import { DunningSetup } from './dunning-steps.service';
import { MERGE_FIELDS } from './merge-fields';
import type { DunningCandidateDto, DunningEventDto, DunningRunDto, DunningStepsDto } from './dunning.dto';

export function toCandidateDto(p: PlannedInvoice): DunningCandidateDto {
  return {
    invoiceId: p.invoiceId,
    number: p.number,
    accountId: p.accountId,
    customerName: p.customerName,
    due: p.due,
    currency: p.currency,
    dueOn: p.dueOn,
    daysOverdue: p.daysOverdue,
    dueState: p.dueState,
    recoveryStatus: p.recoveryStatus,
    collectionPending: p.collectionPending,
    nextStep: p.nextStep,
    lastStep: p.lastStep,
    lastStepSentOn: p.lastStep?.status === 'sent' ? p.lastStep.sentOn : null,
    toDun: p.toDun,
  };
}

export function toEventDto(e: DunningHistoryEntry): DunningEventDto {
  return {
    id: e.id,
    invoiceId: e.invoiceId,
    invoiceNumber: e.invoiceNumber,
    step: { id: e.stepId, name: e.stepName },
    runId: e.runId,
    asOf: e.asOf,
    status: e.status,
    recipient: e.recipient,
    subject: e.subject,
    messageId: e.messageId,
    error: e.error,
    createdAt: new Date(e.createdAt).toISOString(),
    sentAt: e.sentAt ? new Date(e.sentAt).toISOString() : null,
  };
}

export function toRunDto(p: RunProgress): DunningRunDto {
  return { id: p.run.id, asOf: p.run.asOf, total: p.run.total, counts: p.counts, done: p.done, createdAt: p.run.createdAt.toISOString(), events: p.events.map(toEventDto) };
}

export function toStepsDto(s: DunningSetup): DunningStepsDto {
  return {
    dueSoonDays: s.dueSoonDays,
    steps: s.steps.map((step) => ({ id: step.id, position: step.position, name: step.name, delayDays: step.delayDays, subject: step.subject, body: step.body, attachPdf: step.attachPdf, feeNote: step.feeNote })),
    mergeFields: Object.keys(MERGE_FIELDS),
  };
}
