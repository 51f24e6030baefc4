import type { OutgoingMail } from '@comptoir/platform/notify';
import { maskIban } from '../bank-accounts/bank-details';

export interface PreNotice {
  email: string;
  creditorName: string;
  creditorId: string;
  mandateReference: string;
  iban: string;
  collectionDate: string;
  debits: { invoiceNumber: string; amount: string }[];
  total: string;
}

/** "1234.50" → "1 234,50 €", from the decimal string itself (no float on the way). */
const euros = (amount: string): string => {
  const [units = '0', cents = '00'] = amount.split('.');
  return `${units.replace(/\B(?=(\d{3})+$)/g, '\u202f')},${cents.padEnd(2, '0')} €`;
};
const frenchDate = (date: string): string => date.split('-').reverse().join('/');

/** The pre-notification of a debtor (French, the customers' language): amount, date, mandate, account. */
export function preNotificationMail(notice: PreNotice): OutgoingMail {
  const lines = notice.debits.map((d) => `- facture ${d.invoiceNumber} : ${euros(d.amount)}`);
  return {
    to: notice.email,
    subject: `Prélèvement SEPA de ${euros(notice.total)} le ${frenchDate(notice.collectionDate)}`,
    text: [
      'Bonjour,',
      '',
      `${notice.creditorName} prélèvera ${euros(notice.total)} le ${frenchDate(notice.collectionDate)} sur le compte ${maskIban(notice.iban)},`,
      `au titre du mandat ${notice.mandateReference} (identifiant créancier SEPA ${notice.creditorId}) :`,
      ...lines,
      '',
      'Cordialement,',
      notice.creditorName,
    ].join('\n'),
  };
}
