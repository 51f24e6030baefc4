import { formatDate, formatMoney } from '@comptoir/documents';
import { TenantTx } from '@comptoir/platform/database';
import type { MailAttachment } from '@comptoir/platform/notify';
import { originalKey, PDF_CONTENT_TYPE } from '../pdf/document-pdf.service';
import type { PlannedInvoice } from './dunning-planner';
import type { DunningStepEntity } from './dunning-step.entity';
import { mergeTemplate, MergeValues } from './merge-fields';

/** What a dunning mail needs to know about an invoice beyond the plan. */
export interface InvoiceMailFacts {
  invoiceId: string;
  number: string;
  date: string;
  gross: string;
  pdfKey: string | null;
  companyId: string;
  companyName: string;
  /** The invoice's contact's email, else the customer's; null: nobody to write to. */
  email: string | null;
}

export interface DunningMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attachments: MailAttachment[];
}

/**
 * The Message-ID of a step's mail, derived from what it is about: the same step of the same invoice
 * always has the same one (notify refuses to queue it twice; a mail client shows a resend as the same).
 */
export const dunningMessageId = (invoiceId: string, stepId: string) => `<dunning.${invoiceId}.${stepId}@comptoir>`;

/** The facts of the given invoices, in one query. */
export async function loadMailFacts(tx: TenantTx, invoiceIds: string[]): Promise<Map<string, InvoiceMailFacts>> {
  const rows = (await tx.manager.query(
    `SELECT d.id AS "invoiceId", d.number, d.date::text AS date, d.gross::text AS gross, d.pdf_key AS "pdfKey", d.company_id AS "companyId",
            c.legal_name AS "companyName", COALESCE(NULLIF(ct.email, ''), NULLIF(a.email, '')) AS email
       FROM sales_documents d
       JOIN companies c ON c.id = d.company_id
       JOIN accounts a ON a.company_id = d.company_id AND a.id = d.account_id
       LEFT JOIN contacts ct ON ct.company_id = d.company_id AND ct.id = d.contact_id
      WHERE d.company_id = $1 AND d.id = ANY($2::uuid[])`,
    [tx.ctx.companyId, invoiceIds],
  )) as InvoiceMailFacts[];
  return new Map(rows.map((r) => [r.invoiceId, r]));
}

/** The mail of one step for one invoice, merge fields resolved (what the preview shows is what is sent). */
export function composeDunningMail(plan: PlannedInvoice, facts: InvoiceMailFacts, step: DunningStepEntity): DunningMail | null {
  if (!facts.email) return null;
  const values: MergeValues = {
    'customer.name': plan.customerName,
    'invoice.number': plan.number,
    'invoice.date': formatDate(facts.date),
    'invoice.dueDate': formatDate(plan.dueOn),
    'invoice.total': formatMoney(facts.gross, plan.currency),
    'invoice.balanceDue': formatMoney(plan.due, plan.currency),
    'invoice.daysOverdue': String(Math.max(plan.daysOverdue, 0)),
    'company.name': facts.companyName,
    'step.name': step.name,
    'step.feeNote': step.feeNote ?? '',
  };
  const attachments: MailAttachment[] = step.attachPdf
    ? [{ filename: `${plan.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`, key: facts.pdfKey ?? originalKey({ companyId: facts.companyId, id: facts.invoiceId }), contentType: PDF_CONTENT_TYPE }]
    : [];
  return {
    to: facts.email,
    subject: mergeTemplate(step.subject, values).replace(/\s+/g, ' ').trim().slice(0, 300),
    text: mergeTemplate(step.body, values),
    messageId: dunningMessageId(plan.invoiceId, step.id),
    attachments,
  };
}
