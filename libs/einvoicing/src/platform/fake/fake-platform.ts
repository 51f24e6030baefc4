import { createHash, randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CdarReadError, readCdar } from '../cdar/cdar-reader';
import { writeCdar } from '../cdar/cdar-writer';
import { CdarReasonCode } from '../cdar/cdar-codes';
import { lifecycleMessage } from '../cdar/lifecycle-message';
import {
  EInvoicingPlatform,
  EInvoicingPlatformAdapter,
  IncomingFlow,
  LifecycleUpdate,
  OutgoingFlow,
  PlatformCallbackError,
  PlatformConnection,
  PlatformSignatureError,
  SellerStatus,
} from '../einvoicing-platform';
import { LifecycleCode } from '../lifecycle';
import { PlatformRegistry } from '../platform-registry';
import { FAKE_SIGNATURE_HEADER, signatureProblem, signBody } from './fake-signature';

export const FAKE_PLATFORM = 'fake';
const CALLBACK_SECRET = 'callbackSecret';

/** A callback as the fake platform would POST it: the raw CDAR body and its signature header. */
export interface FakeCallback {
  platformRef: string;
  headers: Record<string, string>;
  body: Buffer;
}

interface DepositedFlow {
  companyId: string;
  flow: OutgoingFlow;
  secret: string;
  messages: number;
}

/**
 * The platform's memory, process-wide: the API and the worker of one process (the tests, `npm start`
 * with in-process queue handlers) deposit to and hear from the same platform, as with a real one.
 */
const STATE = {
  flows: new Map<string, DepositedFlow>(),
  pending: [] as FakeCallback[],
  sellerStatuses: new Map<string, string[]>(),
  inboxes: new Map<string, IncomingFlow[]>(),
  /** Refusals a test queued: the next deposits fail with these messages. */
  refusals: [] as string[],
};

/** What a test says about the status it makes the fake report. */
export interface FakeStatusOptions {
  reasonCode?: CdarReasonCode;
  reason?: string;
  /** When the platform says it happened (default: now): an older instant plays a late delivery. */
  at?: Date;
}

const DEFAULT_REASONS: Partial<Record<LifecycleCode, CdarReasonCode>> = { 206: 'QTE_ERR', 207: 'AUTRE', 208: 'JUSTIF_ABS', 210: 'NON_CONFORME', 213: 'REJ_SEMAN' };

/**
 * The local fake of an approved platform, for tests and the demo: in-process and deterministic. It
 * keeps what was deposited (the same document twice gets the same ref), reports each lifecycle
 * status as a CDAR D22B message signed with the company's callback secret (HMAC-SHA-256 over the raw
 * body), stores the statuses the seller sends, and hands out the supplier invoices a test seeded.
 * Tests drive it: `submit` queues the 200 deposited callback, `report(ref, code)` makes any other.
 */
@Injectable()
export class FakeEInvoicingPlatform implements EInvoicingPlatformAdapter, OnModuleInit {
  readonly name = FAKE_PLATFORM;
  private readonly flows = STATE.flows;
  private readonly pending = STATE.pending;
  private readonly sellerStatuses = STATE.sellerStatuses;
  private readonly inboxes = STATE.inboxes;

  constructor(private readonly registry: PlatformRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  provisionSecrets(): Record<string, string> {
    return { [CALLBACK_SECRET]: randomBytes(32).toString('base64url') };
  }

  callbackRefs(_headers: Record<string, string | string[] | undefined>, rawBody: Buffer): string[] {
    return statusesOf(rawBody).map((s) => s.platformRef);
  }

  connect(connection: PlatformConnection): EInvoicingPlatform {
    const secret = connection.secrets[CALLBACK_SECRET];
    if (!secret) throw new Error('The fake platform has no callback secret for this company');
    return new FakeConnection(this, connection.companyId, secret);
  }

  /** The next deposit fails with this message (a platform outage or refusal), once. */
  refuseNextDeposit(message: string): void {
    STATE.refusals.push(message);
  }

  deposit(companyId: string, secret: string, flow: OutgoingFlow): string {
    const refusal = STATE.refusals.shift();
    if (refusal !== undefined) throw new Error(refusal);
    const platformRef = `FAKE-${createHash('sha256').update(`${companyId}:${flow.documentId}`).digest('hex').slice(0, 24).toUpperCase()}`;
    if (!this.flows.has(platformRef)) {
      this.flows.set(platformRef, { companyId, flow, secret, messages: 0 });
      this.pending.push(this.report(platformRef, 200));
    }
    return platformRef;
  }

  /** The callbacks the fake has queued (the 200 deposited of each new deposit), handed over once. */
  takeCallbacks(): FakeCallback[] {
    return this.pending.splice(0);
  }

  /** The signed callback reporting `code` for a deposited flow, as the platform would POST it. */
  report(platformRef: string, code: LifecycleCode, options: FakeStatusOptions = {}): FakeCallback {
    const deposited = this.flows.get(platformRef);
    if (!deposited) throw new Error(`The fake platform holds no flow ${platformRef}`);
    deposited.messages += 1;
    const { flow } = deposited;
    const reasonCode = options.reasonCode ?? DEFAULT_REASONS[code];
    const message = lifecycleMessage({
      id: `${platformRef}-${deposited.messages}`,
      issuedAt: options.at ?? new Date(),
      sellerAddress: flow.sellerElectronicAddress,
      buyerAddress: flow.buyerElectronicAddress,
      status: {
        flowRef: platformRef,
        invoiceNumber: flow.number,
        invoiceIssueDate: flow.issueDate,
        invoiceTypeCode: flow.typeCode,
        sellerSiren: flow.sellerSiren,
        code,
        reason: reasonCode ? { code: reasonCode, text: options.reason ?? null } : null,
        amounts: [],
      },
    });
    const body = Buffer.from(writeCdar(message), 'utf8');
    return { platformRef, body, headers: { 'content-type': 'application/xml', [FAKE_SIGNATURE_HEADER]: signBody(deposited.secret, body) } };
  }

  /** What was deposited under a ref (tests compare the bytes with the stored original). */
  deposited(platformRef: string): OutgoingFlow | null {
    return this.flows.get(platformRef)?.flow ?? null;
  }

  /** Keeps the CDAR message of a status the seller sent (the platform would forward it to the buyer and the tax authority). */
  recordSellerStatus(status: SellerStatus): void {
    const { invoice } = status;
    const xml = writeCdar(
      lifecycleMessage({
        id: status.eventRef,
        issuedAt: status.occurredAt,
        sellerAddress: invoice.sellerElectronicAddress,
        buyerAddress: invoice.buyerElectronicAddress,
        status: {
          flowRef: status.platformRef,
          invoiceNumber: invoice.number,
          invoiceIssueDate: invoice.issueDate,
          invoiceTypeCode: invoice.typeCode,
          sellerSiren: invoice.sellerSiren,
          code: status.code,
          reason: status.reason ? { code: 'AUTRE', text: status.reason } : null,
          amounts: status.amounts.map((a) => ({ ...a, currency: 'EUR' })),
        },
      }),
    );
    this.sellerStatuses.set(status.platformRef, [...(this.sellerStatuses.get(status.platformRef) ?? []), xml]);
  }

  /** The CDAR messages the seller sent about a flow, in order. */
  statusesSent(platformRef: string): string[] {
    return this.sellerStatuses.get(platformRef) ?? [];
  }

  /** Puts a supplier's invoice (UBL, CII or Factur-X) in the company's inbox on the platform. */
  seedInbox(companyId: string, flow: IncomingFlow): void {
    this.inboxes.set(companyId, [...(this.inboxes.get(companyId) ?? []), flow]);
  }

  inbox(companyId: string, since: Date | null): IncomingFlow[] {
    return (this.inboxes.get(companyId) ?? []).filter((f) => since === null || f.receivedAt > since);
  }
}

/** One company's connection to the fake. */
class FakeConnection implements EInvoicingPlatform {
  readonly name = FAKE_PLATFORM;

  constructor(
    private readonly fake: FakeEInvoicingPlatform,
    private readonly companyId: string,
    private readonly secret: string,
  ) {}

  async submit(flow: OutgoingFlow): Promise<{ platformRef: string }> {
    return { platformRef: this.fake.deposit(this.companyId, this.secret, flow) };
  }

  parseCallback(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): LifecycleUpdate[] {
    const problem = signatureProblem(this.secret, rawBody, headers[FAKE_SIGNATURE_HEADER]);
    if (problem) throw new PlatformSignatureError(problem);
    return statusesOf(rawBody);
  }

  async sendStatus(status: SellerStatus): Promise<void> {
    this.fake.recordSellerStatus(status);
  }

  async receive(since: Date | null): Promise<IncomingFlow[]> {
    return this.fake.inbox(this.companyId, since);
  }
}

/** The statuses of a CDAR callback, each naming the flow it is about. */
function statusesOf(rawBody: Buffer): LifecycleUpdate[] {
  try {
    const message = readCdar(rawBody.toString('utf8'));
    return message.statuses.map((s, i) => {
      if (!s.flowRef) throw new CdarReadError(`AcknowledgementDocument[${i}] names no flow (ReferencedDocument/GlobalID)`);
      const reason = s.reason ? [s.reason.code, s.reason.text].filter(Boolean).join(': ') : null;
      return { platformRef: s.flowRef, code: s.code, eventRef: message.statuses.length > 1 ? `${message.id}/${i}` : message.id, occurredAt: message.issuedAt, reason };
    });
  } catch (error) {
    if (error instanceof CdarReadError) throw new PlatformCallbackError(error.message);
    throw error;
  }
}
