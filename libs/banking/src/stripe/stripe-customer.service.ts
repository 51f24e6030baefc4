import { Injectable } from '@nestjs/common';
import { AccountEntity } from '@comptoir/crm';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { BusinessRuleError, newId, SecretBox, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { BankAccountEntity } from '../bank-accounts/bank-account.entity';
import { RegisterStripeCustomerDto, StripeCustomerResponseDto } from './dto/stripe-customer.dto';
import { StripeCustomerEntity } from './stripe-customer.entity';
import { idempotencyKey, stripeProblem, StripeGateway } from './stripe-gateway';
import { openStripeAccess, StripeAccess } from './stripe-secrets';

interface Registration {
  account: AccountEntity;
  bank: BankAccountEntity;
  email: string;
  access: StripeAccess;
  /** The Stripe customer already made for this account in the same mode, updated rather than duplicated. */
  stripeCustomerId: string | null;
}

export const stripeCustomers = (tx: TenantTx) => tx.repo(StripeCustomerEntity, 'Stripe customer');

/**
 * Registers a customer at Stripe for SEPA debits: a Stripe customer (name, email), a sepa_debit
 * payment method with the IBAN of one of its bank accounts, attached through a confirmed SetupIntent
 * whose mandate is the company's signed paper mandate (offline acceptance). No transaction stays open
 * while Stripe is called; every POST carries an idempotency key, so a retry creates nothing twice.
 */
@Injectable()
export class StripeCustomerService {
  constructor(
    private readonly db: TenantDb,
    private readonly box: SecretBox,
    private readonly gateway: StripeGateway,
  ) {}

  get(ctx: TenantContext, accountId: string): Promise<StripeCustomerResponseDto> {
    return this.db.transaction(ctx, async (tx) => {
      await tx.repo(AccountEntity, 'Account').getById(accountId);
      return toDto(accountId, await this.mapping(tx, accountId));
    });
  }

  async register(ctx: TenantContext, accountId: string, input: RegisterStripeCustomerDto): Promise<StripeCustomerResponseDto> {
    const plan = await this.db.transaction(ctx, (tx) => this.plan(tx, accountId, input));
    const stripe = this.gateway.client(plan.access.secretKey);
    const { account, bank, email } = plan;
    let ids: { customerId: string; paymentMethodId: string; mandateId: string | null };
    try {
      const customerParams = { name: account.name, email, metadata: { comptoir_account_id: account.id, comptoir_company_id: ctx.companyId } };
      const customer = plan.stripeCustomerId
        ? await stripe.customers.update(plan.stripeCustomerId, customerParams, { idempotencyKey: idempotencyKey('customer-update', plan.stripeCustomerId, customerParams) })
        : await stripe.customers.create(customerParams, { idempotencyKey: idempotencyKey('customer', ctx.companyId, account.id, plan.access.mode, customerParams) });
      const methodParams = { type: 'sepa_debit' as const, sepa_debit: { iban: bank.iban }, billing_details: { name: bank.holder, email } };
      const method = await stripe.paymentMethods.create(methodParams, { idempotencyKey: idempotencyKey('payment-method', ctx.companyId, bank.id, customer.id, methodParams) });
      const setup = await stripe.setupIntents.create(
        {
          customer: customer.id,
          payment_method: method.id,
          allowed_payment_method_types: ['sepa_debit'],
          usage: 'off_session',
          confirm: true,
          mandate_data: { customer_acceptance: { type: 'offline' } },
        },
        { idempotencyKey: idempotencyKey('setup', customer.id, method.id) },
      );
      const mandateId = typeof setup.mandate === 'string' ? setup.mandate : (setup.mandate?.id ?? null);
      ids = { customerId: customer.id, paymentMethodId: method.id, mandateId };
    } catch (error) {
      throw stripeProblem(error, 'stripe_request_failed');
    }
    return this.db.transaction(ctx, (tx) => this.save(tx, plan, ids));
  }

  private async plan(tx: TenantTx, accountId: string, input: RegisterStripeCustomerDto): Promise<Registration> {
    const account = await tx.repo(AccountEntity, 'Account').getById(accountId);
    const bank = await tx.repo(BankAccountEntity, 'Bank account').findById(input.bankAccountId);
    if (!bank || bank.accountId !== account.id || bank.archivedAt) {
      throw new BusinessRuleError('invalid_reference', "The bank account is not one of this customer's", [{ path: 'bankAccountId', message: `${input.bankAccountId} is not a bank account of this customer` }]);
    }
    const email = input.email ?? account.email;
    if (!email) throw new ValidationFailedError([{ path: 'email', message: 'email is required: the customer has no email on file' }]);
    const access = await openStripeAccess(tx, this.box);
    const existing = await this.mapping(tx, accountId);
    return { account, bank, email, access, stripeCustomerId: existing && existing.mode === access.mode ? existing.stripeCustomerId : null };
  }

  private async save(tx: TenantTx, plan: Registration, ids: { customerId: string; paymentMethodId: string; mandateId: string | null }): Promise<StripeCustomerResponseDto> {
    const repo = stripeCustomers(tx);
    const existing = await this.mapping(tx, plan.account.id, true);
    const fields = {
      bankAccountId: plan.bank.id,
      stripeCustomerId: ids.customerId,
      paymentMethodId: ids.paymentMethodId,
      mandateId: ids.mandateId,
      email: plan.email,
      mode: plan.access.mode,
      updatedAt: new Date(),
    };
    const row = existing ? await repo.save(Object.assign(existing, fields)) : await repo.insert({ id: newId(), accountId: plan.account.id, ...fields, createdAt: fields.updatedAt });
    tx.audit({
      entity: 'account',
      entityId: plan.account.id,
      action: 'stripe_register',
      changes: { stripeCustomerId: { from: existing?.stripeCustomerId ?? null, to: ids.customerId }, bankAccountId: { from: existing?.bankAccountId ?? null, to: plan.bank.id } },
    });
    return toDto(plan.account.id, row);
  }

  private mapping(tx: TenantTx, accountId: string, lock = false): Promise<StripeCustomerEntity | null> {
    const query = stripeCustomers(tx).query('c').andWhere('c.accountId = :accountId', { accountId });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }
}

function toDto(accountId: string, row: StripeCustomerEntity | null): StripeCustomerResponseDto {
  return {
    registered: row !== null,
    accountId,
    bankAccountId: row?.bankAccountId ?? null,
    stripeCustomerId: row?.stripeCustomerId ?? null,
    paymentMethodId: row?.paymentMethodId ?? null,
    mandateId: row?.mandateId ?? null,
    email: row?.email ?? null,
    mode: row?.mode ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
