import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Every environment variable Comptoir reads, validated once at boot. Domain code receives this object
 * through DI and never touches process.env. README.md's configuration table mirrors this class.
 */
export const APP_DB_ROLE = 'comptoir_app';

/** 32 random bytes as 64 hex characters or base64 / base64url (43 characters, with or without `=`). */
const SECRETS_KEY_PATTERN = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;

export class AppConfig {
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  /** Owner connection with schema rights: used by the migrate step (creates the app role, tables, policies). */
  @IsString()
  databaseUrl: string;

  /** Password given to the unprivileged `comptoir_app` role the application connects as. */
  @IsString()
  databaseAppPassword = 'comptoir_app';

  /** Full application connection, when the app role is managed outside Comptoir. */
  @IsOptional()
  @IsString()
  databaseAppUrl?: string;

  /** Absent: queue handlers run in-process from the outbox (embedded mode). */
  @IsOptional()
  @IsString()
  redisUrl?: string;

  /** Key for HMAC digests of session tokens, API keys and invitation links. */
  @IsString()
  @MinLength(32)
  authSecret: string;

  @IsOptional()
  @IsString()
  smtpUrl?: string;

  @IsString()
  mailFrom = 'Comptoir <no-reply@comptoir.local>';

  @IsString()
  publicUrl = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel: string = 'info';

  @Transform(({ value }) => (value === undefined ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  sessionTtlHours = 12;

  @IsOptional()
  @IsString()
  webDistDir?: string;

  @IsString()
  queuePrefix = 'comptoir';

  /**
   * Secret key of the sealed journal's HMAC chain. Kept outside the database on purpose: without it,
   * nobody with database access can rewrite the chain unnoticed. Required by the API and the worker;
   * the migrate step does not need it. `npm start` generates one into .data/secrets.json.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  ledgerSealKey?: string;

  /**
   * Key of the secrets kept in the database (Stripe keys, webhook signing secrets), sealed with
   * AES-256-GCM: 32 random bytes, hex or base64. Required by the API; `npm start` generates one into
   * .data/secrets.json. Losing it makes those secrets unreadable (enter them again); never commit it.
   */
  @IsOptional()
  @IsString()
  @Matches(SECRETS_KEY_PATTERN, { message: 'must be 32 random bytes, as 64 hex characters or base64' })
  secretsKey?: string;

  /** Stripe's API base URL: the real one unless set (tests and local runs point it at a fake or stripe-mock). */
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^/]+\/?$/, { message: 'must be an http(s) origin such as http://127.0.0.1:12111' })
  stripeApiUrl?: string;

  /** System Chromium driven by puppeteer for PDFs (never a downloaded browser). */
  @IsString()
  chromiumPath = '/usr/bin/chromium';

  /** Pages kept open per process for PDF rendering. */
  @Transform(({ value }) => (value === undefined ? 2 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(32)
  pdfPoolSize = 2;

  /** Root folder of the local file store (PDF originals, closing archives). */
  @IsString()
  fileStoreDir = '.data/files';

  /** Hour (0–23, Europe/Paris) of the daily dunning digest job. */
  @Transform(({ value }) => (value === undefined ? 7 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(23)
  dunningDigestHour = 7;

  /**
   * Folder of the official XSDs and schematrons the e-invoice check runs (COMPTOIR_STANDARDS_DIR, never
   * copied into the repository). Unset: `../shared/standards` beside the repository (see
   * @comptoir/platform/standards); absent files make the check answer 501 standards_unavailable.
   */
  @IsOptional()
  @IsString()
  standardsDir?: string;

  /** The application's own connection: row-level security applies to it, superuser rights do not. */
  get appDatabaseUrl(): string {
    if (this.databaseAppUrl) return this.databaseAppUrl;
    const url = new URL(this.databaseUrl);
    url.username = APP_DB_ROLE;
    url.password = this.databaseAppPassword;
    return url.toString();
  }

  /** A copy with some settings replaced (tests, the worker's dev mail catcher). */
  with(overrides: Partial<Pick<AppConfig, 'smtpUrl' | 'redisUrl' | 'port' | 'queuePrefix'>>): AppConfig {
    return Object.assign(Object.create(AppConfig.prototype) as AppConfig, this, overrides);
  }

  get queueDriver(): 'bullmq' | 'inline' {
    return this.redisUrl ? 'bullmq' : 'inline';
  }
}

const ENV_NAMES: Record<string, keyof AppConfig> = {
  PORT: 'port',
  NODE_ENV: 'nodeEnv',
  DATABASE_URL: 'databaseUrl',
  DATABASE_APP_PASSWORD: 'databaseAppPassword',
  DATABASE_APP_URL: 'databaseAppUrl',
  REDIS_URL: 'redisUrl',
  AUTH_SECRET: 'authSecret',
  SMTP_URL: 'smtpUrl',
  MAIL_FROM: 'mailFrom',
  PUBLIC_URL: 'publicUrl',
  LOG_LEVEL: 'logLevel',
  SESSION_TTL_HOURS: 'sessionTtlHours',
  WEB_DIST_DIR: 'webDistDir',
  QUEUE_PREFIX: 'queuePrefix',
  LEDGER_SEAL_KEY: 'ledgerSealKey',
  SECRETS_KEY: 'secretsKey',
  STRIPE_API_URL: 'stripeApiUrl',
  CHROMIUM_PATH: 'chromiumPath',
  PDF_POOL_SIZE: 'pdfPoolSize',
  FILE_STORE_DIR: 'fileStoreDir',
  DUNNING_DIGEST_HOUR: 'dunningDigestHour',
  COMPTOIR_STANDARDS_DIR: 'standardsDir',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_NAMES)) {
    if (env[name] !== undefined && env[name] !== '') raw[key] = env[name];
  }
  Object.assign(raw, overrides);
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length) {
    const names = Object.fromEntries(Object.entries(ENV_NAMES).map(([env, key]) => [key, env]));
    const detail = errors.map((e) => `${names[e.property] ?? e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${detail.join('\n  ')}`);
  }
  return config;
}
