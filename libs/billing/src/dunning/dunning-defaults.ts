/** A dunning step as a company configures it. */
export interface DunningStepInput {
  name: string;
  delayDays: number;
  subject: string;
  body: string;
  attachPdf: boolean;
  feeNote: string | null;
}

export const DEFAULT_DUE_SOON_DAYS = 7;

const SIGNATURE = `\n\nCordialement,\nLe service comptabilité de {{company.name}}`;

/** What a company starts with (DOMAIN §6): reminder 1 at the due date, reminder 2 fifteen days later, formal notice fifteen days after that. */
export const DEFAULT_DUNNING_STEPS: readonly DunningStepInput[] = [
  {
    name: 'Relance 1',
    delayDays: 0,
    subject: 'Rappel : facture {{invoice.number}} arrivée à échéance',
    body:
      `Bonjour,\n\nSauf erreur de notre part, la facture {{invoice.number}} du {{invoice.date}}, échue le {{invoice.dueDate}}, ` +
      `reste à régler pour un montant de {{invoice.balanceDue}}.\n\nSi votre règlement est en cours, merci de ne pas tenir compte de ce message.` +
      SIGNATURE,
    attachPdf: true,
    feeNote: null,
  },
  {
    name: 'Relance 2',
    delayDays: 15,
    subject: 'Deuxième relance : facture {{invoice.number}} impayée',
    body:
      `Bonjour,\n\nNotre précédent rappel est resté sans réponse : la facture {{invoice.number}}, échue le {{invoice.dueDate}} ` +
      `({{invoice.daysOverdue}} jours de retard), reste due pour {{invoice.balanceDue}}.\n\n{{step.feeNote}}\n\nMerci de procéder au règlement sous huit jours.` +
      SIGNATURE,
    attachPdf: true,
    feeNote: 'Tout retard de paiement entraîne une indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 du Code de commerce).',
  },
  {
    name: 'Mise en demeure',
    delayDays: 15,
    subject: 'Mise en demeure de payer : facture {{invoice.number}}',
    body:
      `{{customer.name}},\n\nMalgré nos relances, la facture {{invoice.number}} du {{invoice.date}} reste impayée pour {{invoice.balanceDue}}.\n\n` +
      `Nous vous mettons en demeure de régler cette somme sous huit jours à compter de la réception de ce courrier. À défaut, nous engagerons une procédure de recouvrement.\n\n{{step.feeNote}}` +
      SIGNATURE,
    attachPdf: true,
    feeNote: 'Des pénalités de retard au taux de trois fois le taux d’intérêt légal et une indemnité forfaitaire de 40 € sont exigibles.',
  },
];
