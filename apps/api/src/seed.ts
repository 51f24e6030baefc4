import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { luhnValid, TenantContext } from '@comptoir/platform/kernel';
import { CompanyService, EstablishmentService, SectorService, SignupService } from '@comptoir/org';
import { AccountService, ActivityService, ContactService } from '@comptoir/crm';
import { TenantDb } from '@comptoir/platform/database';
import { seedCatalogDemo } from '@comptoir/catalog';
import { seedBillingDemo, seedDepositsDemo, seedDunningDemo, seedPaymentsDemo } from '@comptoir/billing';
import { seedBankingDemo } from '@comptoir/banking';
import { seedEInvoicingDemo } from '@comptoir/einvoicing';

export const DEMO_EMAIL = 'demo@comptoir.test';
export const DEMO_PASSWORD = 'comptoir-demo';

/** A 9-digit SIREN from an 8-digit base: the Luhn key digit is appended. */
export function sirenFromBase(base: number): string {
  const stem = String(base).padStart(8, '0');
  for (let key = 0; key <= 9; key++) if (luhnValid(`${stem}${key}`)) return `${stem}${key}`;
  throw new Error('unreachable: one Luhn key digit always exists');
}

const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Louis', 'Chloé', 'Lucas', 'Manon', 'Jules', 'Inès', 'Gabriel', 'Zoé', 'Arthur'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent'];
const TRADES = ['Boulangerie', 'Garage', 'Cabinet', 'Pharmacie', 'Atelier', 'Fromagerie', 'Librairie', 'Menuiserie', 'Agence', 'Restaurant'];
const CITIES = [
  { city: 'Paris', postalCode: '75011' },
  { city: 'Lyon', postalCode: '69003' },
  { city: 'Marseille', postalCode: '13006' },
  { city: 'Toulouse', postalCode: '31000' },
  { city: 'Nantes', postalCode: '44000' },
  { city: 'Lille', postalCode: '59000' },
  { city: 'Bordeaux', postalCode: '33000' },
];

export type ContactSeeder = (ctx: TenantContext, accountId: string, contact: { firstName: string; lastName: string; email: string; jobTitle: string; isPrimary: boolean }) => Promise<unknown>;

/** Adds demo contacts through the same use case as `POST /api/v1/accounts/{id}/contacts`. */
export function contactSeeder(app: INestApplicationContext): ContactSeeder {
  const contacts = app.get(ContactService);
  return (ctx, accountId, contact) => contacts.create(ctx, accountId, contact);
}

/**
 * First-run demo: one organisation with two companies, their establishments and sectors, and
 * 50 customers (with contacts) in the first company, created through the same use cases as the API.
 * Does nothing when the demo user already exists.
 */
export async function seedDemo(app: INestApplicationContext, addContact?: ContactSeeder): Promise<boolean> {
  const dataSource = app.get(DataSource);
  const existing = await dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [DEMO_EMAIL]);
  if (existing.length) return false;

  const signup = await app.get(SignupService).signup({
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    name: 'Claire Démo',
    organizationName: 'Groupe Démo',
    company: {
      legalName: 'Atelier Démo SAS',
      siren: sirenFromBase(73282932),
      legalForm: 'SAS',
      shareCapital: '10000.00',
      rcs: 'RCS Paris',
      address: { line1: '12 rue de la Roquette', postalCode: '75011', city: 'Paris', country: 'FR' },
    },
  });
  const ctx: TenantContext = {
    organizationId: signup.organization.id,
    companyId: signup.company.id,
    actor: { type: 'user', id: signup.user.id, name: signup.user.name },
    role: 'admin',
    scopes: ['*'],
  };
  const second = await app.get(CompanyService).create(ctx, {
    legalName: 'Démo Services SARL',
    siren: sirenFromBase(81234567),
    legalForm: 'SARL',
    shareCapital: '5000.00',
    rcs: 'RCS Lyon',
    address: { line1: '4 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' },
  });

  const establishments = app.get(EstablishmentService);
  const sectors = app.get(SectorService);
  const [head] = await establishments.list(ctx);
  const lyon = await establishments.create(ctx, {
    name: 'Agence de Lyon',
    siret: `${signup.company.siren}${nicWithKey(signup.company.siren, 2)}`,
    address: { line1: '8 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR' },
  });
  const sectorIds = [
    (await sectors.create(ctx, { establishmentId: head!.id, code: 'PARIS-E', name: 'Paris Est' })).id,
    (await sectors.create(ctx, { establishmentId: head!.id, code: 'PARIS-O', name: 'Paris Ouest' })).id,
    (await sectors.create(ctx, { establishmentId: lyon.id, code: 'LYON', name: 'Lyon Métropole' })).id,
  ];
  const secondCtx = { ...ctx, companyId: second.id };
  const [secondHead] = await establishments.list(secondCtx);
  await sectors.create(secondCtx, { establishmentId: secondHead!.id, code: 'RHONE', name: 'Rhône' });

  const accounts = app.get(AccountService);
  const customerIds: string[] = [];
  const billableIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const place = CITIES[i % CITIES.length]!;
    const last = LAST_NAMES[i % LAST_NAMES.length]!;
    const name = `${TRADES[i % TRADES.length]} ${last}${i >= 12 ? ` ${place.city}` : ''}`;
    const slug = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
    const account = await accounts.create(ctx, {
      name,
      roles: i % 7 === 0 ? ['prospect'] : i % 11 === 0 ? ['customer', 'supplier'] : ['customer'],
      siren: sirenFromBase(40000000 + i * 7919),
      email: `contact@${slug}.fr`,
      phone: `+33 1 ${String(40 + (i % 50)).padStart(2, '0')} 00 ${String(i).padStart(2, '0')} 00`,
      billingAddress: { line1: `${i + 1} rue du Commerce`, postalCode: place.postalCode, city: place.city, country: 'FR' },
      tags: i % 5 === 0 ? ['vip'] : i % 3 === 0 ? ['fidèle'] : [],
      sectorId: sectorIds[i % sectorIds.length],
      externalRef: `DEMO-${String(i + 1).padStart(3, '0')}`,
      preferredPaymentMethod: i % 4 === 0 ? 'direct_debit' : 'transfer',
    });
    customerIds.push(account.id);
    if (i % 7 !== 0) billableIds.push(account.id);
    if (addContact) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
      await addContact(ctx, account.id, { firstName: first, lastName: last, email: `${first.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}@${slug}.fr`, jobTitle: 'Gérant', isPrimary: true });
      if (i % 3 === 0) await addContact(ctx, account.id, { firstName: FIRST_NAMES[(i + 5) % FIRST_NAMES.length]!, lastName: LAST_NAMES[(i + 3) % LAST_NAMES.length]!, email: `compta@${slug}.fr`, jobTitle: 'Comptabilité', isPrimary: false });
    }
  }
  await seedAgenda(app, ctx, customerIds);
  const catalog = await seedCatalogDemo(app.get(TenantDb), ctx);
  await seedBillingDemo(app, ctx, { customerIds: billableIds, productIds: catalog?.productIds });
  // Paid, half-paid and unpaid invoices, customer credit partly refunded, a bounced cheque cancelled.
  await seedPaymentsDemo(app, ctx);
  // An order with a paid deposit and its final invoice deducting it.
  await seedDepositsDemo(app, ctx, billableIds[0]!);
  // After the invoices and their payments: what is still open and overdue gets its reminders.
  await seedDunningDemo(app, ctx);
  // Mandates for customers with open invoices, and a first SEPA batch.
  await seedBankingDemo(app, ctx, signup.user.id);
  // Last: from here on the company's domestic B2B invoices are held to the e-invoicing rules.
  await seedEInvoicingDemo(app, ctx);
  await seedSandbox(app, ctx);
  for (let i = 0; i < 10; i++) {
    await accounts.create(secondCtx, { name: `${TRADES[(i + 3) % TRADES.length]} ${LAST_NAMES[(i + 7) % LAST_NAMES.length]} Lyon`, roles: ['customer'], externalRef: `DEMO-S-${i + 1}` });
  }
  return true;
}

/**
 * A week of agenda for the demo user around today: meetings, calls and visits with customers, tasks
 * due (one overdue, one done), so the agenda, timelines and statistics have something to show.
 */
async function seedAgenda(app: INestApplicationContext, ctx: TenantContext, customerIds: string[]): Promise<void> {
  const activities = app.get(ActivityService);
  const day = (offset: number) => {
    const d = new Date();
    d.setUTCHours(0, 0, 0, 0);
    d.setUTCDate(d.getUTCDate() + offset);
    return d;
  };
  const at = (offset: number, hourUtc: number, minutes = 0) => new Date(day(offset).getTime() + (hourUtc * 60 + minutes) * 60_000).toISOString();
  const dueOn = (offset: number) => day(offset).toISOString().slice(0, 10);
  const customer = (i: number) => customerIds[i % customerIds.length];
  const events = [
    { type: 'meeting', title: 'Présentation de la gamme 2027', startsAt: at(0, 8), endsAt: at(0, 9, 30), accountId: customer(1) },
    { type: 'call', title: 'Point sur la dernière livraison', startsAt: at(0, 13), endsAt: at(0, 13, 30), accountId: customer(2) },
    { type: 'visit', title: 'Visite en magasin', startsAt: at(1, 9), endsAt: at(1, 11), accountId: customer(3) },
    { type: 'meeting', title: 'Négociation du contrat annuel', startsAt: at(2, 14), endsAt: at(2, 15), accountId: customer(4) },
    { type: 'call', title: 'Appel de courtoisie', startsAt: at(-1, 10), accountId: customer(5) },
    { type: 'email', title: 'Envoi des conditions générales', startsAt: at(-2, 15), accountId: customer(6) },
  ] as const;
  for (const e of events) await activities.create(ctx, { kind: 'event', ...e });
  const tasks = [
    { type: 'quote_follow_up', title: 'Relancer le devis en attente', dueOn: dueOn(1), accountId: customer(1) },
    { type: 'call', title: 'Rappeler pour le renouvellement', dueOn: dueOn(3), accountId: customer(7) },
    { type: 'note', title: 'Préparer la revue trimestrielle', dueOn: dueOn(5) },
    { type: 'quote_follow_up', title: 'Relance devis (en retard)', dueOn: dueOn(-2), accountId: customer(8) },
  ] as const;
  for (const task of tasks) await activities.create(ctx, { kind: 'task', ...task });
  const done = await activities.create(ctx, { kind: 'task', type: 'email', title: 'Envoyer le catalogue', dueOn: dueOn(-1), accountId: customer(2) });
  await activities.complete(ctx, done.id);
}

/** A 5-digit NIC (establishment number) whose last digit makes SIREN + NIC pass the Luhn check. */
function nicWithKey(siren: string, establishmentNumber: number): string {
  const stem = String(establishmentNumber).padStart(4, '0');
  for (let key = 0; key <= 9; key++) if (luhnValid(`${siren}${stem}${key}`)) return `${stem}${key}`;
  throw new Error('unreachable');
}

/**
 * A training company created as a sandbox (TEST mode): its documents print "TEST", take no legal number
 * and are never sealed, so a newcomer can try validation without touching the real ledger.
 */
async function seedSandbox(app: INestApplicationContext, ctx: TenantContext): Promise<void> {
  const sandbox = await app.get(CompanyService).create(ctx, {
    legalName: 'Atelier Démo — Formation',
    siren: sirenFromBase(52345678),
    legalForm: 'SAS',
    shareCapital: '1000.00',
    address: { line1: '12 rue de la Roquette', postalCode: '75011', city: 'Paris', country: 'FR' },
    isSandbox: true,
  });
  const sandboxCtx = { ...ctx, companyId: sandbox.id };
  const accounts = app.get(AccountService);
  const customerIds: string[] = [];
  for (const name of ['Client Formation Alpha', 'Client Formation Bêta', 'Client Formation Gamma']) {
    customerIds.push((await accounts.create(sandboxCtx, { name, roles: ['customer'], billingAddress: { line1: '1 place de la Bourse', postalCode: '75002', city: 'Paris', country: 'FR' } })).id);
  }
  await seedBillingDemo(app, sandboxCtx, { customerIds });
}
