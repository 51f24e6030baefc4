import { preNotificationMail } from './pre-notification';

describe('preNotificationMail', () => {
  const mail = preNotificationMail({
    email: 'compta@boulangerie.example',
    creditorName: 'Atelier Démo SAS',
    creditorId: 'FR72ZZZ123456',
    mandateReference: 'RUM-DEMO-0001',
    iban: 'FR1420041010050500013M02606',
    collectionDate: '2026-12-15',
    debits: [
      { invoiceNumber: 'FA2026-00012', amount: '1200.00' },
      { invoiceNumber: 'FA2026-00015', amount: '34.50' },
    ],
    total: '1234.50',
  });

  it('announces the total and the date in the subject, French formats', () => {
    expect(mail).toMatchObject({ to: 'compta@boulangerie.example', subject: 'Prélèvement SEPA de 1\u202f234,50 € le 15/12/2026' });
  });

  it('names the mandate, the creditor id, each invoice, and only the end of the IBAN', () => {
    expect(mail.text).toContain('au titre du mandat RUM-DEMO-0001 (identifiant créancier SEPA FR72ZZZ123456)');
    expect(mail.text).toContain('- facture FA2026-00012 : 1\u202f200,00 €');
    expect(mail.text).toContain('- facture FA2026-00015 : 34,50 €');
    expect(mail.text).toContain('FR14•••••••••••••••••••2606');
    expect(mail.text).not.toContain('20041010050500013M02606');
  });
});
