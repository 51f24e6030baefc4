/**
 * Browser journey of dunning: an overdue invoice on the dunning screen (red "overdue" status), the
 * preview of its first reminder with the merge fields resolved, the mass action sent with its
 * progress bar running to the end (a real worker and SMTP server in this process), and the step in
 * the invoice's follow-up history.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/dunning-journey.ts     # this journey alone
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DevMailCatcher } from '@comptoir/platform/notify';
import { testConfig } from '@comptoir/platform/testing';
// The harness serves only the API; the journey runs the worker beside it, as production does.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createWorkerApp } from '../../worker/src/bootstrap';
import { api, assertEqual, eventually, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const CUSTOMER = 'Garage Durand et Fils';
const EMAIL = 'compta@garage-durand.example';
let invoice = { id: '', number: '' };
let worker: { app: INestApplicationContext; mail: DevMailCatcher } | null = null;

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

function parisDay(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

test('starts the worker, with a real SMTP server, beside the API', async ({ databaseUrl }) => {
  const mail = new DevMailCatcher(false);
  await mail.start();
  const app = await createWorkerApp(testConfig(databaseUrl).with({ smtpUrl: mail.url }), { pollIntervalMs: 100 }, true);
  await app.init();
  worker = { app, mail };
});

test('shows the overdue invoice in red on the dunning screen', async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/receivables/dunning`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Relances' }), 'dunning screen heading');
  const row = page.getByRole('table', { name: 'Factures à relancer' }).getByRole('row').filter({ hasText: invoice.number });
  await visible(row.getByText(CUSTOMER), 'the customer on the invoice row');
  await visible(row.getByText('En retard'), 'the overdue status');
  await visible(row.getByText('30 j', { exact: true }), '30 days late');
  await visible(row.getByText('Relance 1'), 'the next step');
  await screenshot('dunning-screen');
});

test('previews the first reminder with the merge fields resolved', async ({ page, screenshot }) => {
  await page.getByRole('button', { name: `Aperçu de la relance de ${invoice.number}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Aperçu de la relance' });
  await visible(dialog.getByText(`Rappel : facture ${invoice.number} arrivée à échéance`), 'the subject, invoice number merged');
  await visible(dialog.getByText(EMAIL), 'the recipient');
  await visible(dialog.getByText(new RegExp(`la facture ${invoice.number} du .* reste à régler pour un montant de 120,00`)), 'the body with the balance due');
  await visible(dialog.getByText(`${invoice.number}.pdf`), 'the original PDF attached');
  await screenshot('dunning-preview');
  await page.keyboard.press('Escape');
});

test('sends the reminder and follows the progress to the end', async ({ page, screenshot }) => {
  await page.getByRole('checkbox', { name: `Sélectionner la facture ${invoice.number}` }).check();
  await page.getByRole('button', { name: 'Envoyer la relance (1)' }).click();
  const progress = page.getByLabel('Progression de l’envoi').first();
  await visible(progress, 'the progress of the run');
  await visible(page.getByText('Envoi terminé : 1 / 1 relance(s) envoyée(s)'), 'the run finished', 30_000);
  await eventually(async () => (worker?.mail.messages.filter((m) => m.to.includes(EMAIL)).length ?? 0) === 1, 'one mail received by the SMTP server');
  const [mail] = worker!.mail.messages.filter((m) => m.to.includes(EMAIL));
  assertEqual(mail!.attachments.map((a) => a.filename).join(', '), `${invoice.number}.pdf`, 'the attachment');
  await screenshot('dunning-sent');
});

test('shows the step in the invoice’s follow-up history', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/invoices/${invoice.id}`);
  const history = page.getByRole('table', { name: 'Historique des relances' });
  await visible(history.getByRole('row').filter({ hasText: 'Relance 1' }).filter({ hasText: 'Envoyée' }), 'reminder 1, sent, in the history');
  await visible(history.getByText(EMAIL), 'its recipient');
  await screenshot('invoice-dunning-history');
  await worker?.app.close();
  await worker?.mail.stop();
  worker = null;
});

export const dunningJourney: Journey = {
  name: 'dunning',
  companyName: 'Atelier Relances SAS',
  setup: async (base, session) => {
    const account = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: CUSTOMER, roles: ['customer'], kind: 'company', siren: randomSiren(), email: EMAIL }, session.token);
    const draft = await api<{ id: string }>(
      base,
      'POST',
      '/api/v1/invoices',
      { accountId: account.id, date: parisDay(-40), dueDate: parisDay(-30), lines: [{ description: 'Révision complète', quantity: '1', unitPrice: '100.00', vatRate: '20.00' }] },
      session.token,
    );
    const validated = await api<{ id: string; number: string }>(base, 'POST', `/api/v1/invoices/${draft.id}/validate`, undefined, session.token);
    invoice = { id: validated.id, number: validated.number };
  },
  steps,
};

if (require.main === module) runMain([dunningJourney]);
