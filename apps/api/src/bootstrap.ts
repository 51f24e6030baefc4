import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { STRIPE_WEBHOOK_ROUTE } from '@comptoir/banking';
import { PLATFORM_CALLBACK_ROUTE } from '@comptoir/einvoicing';
import { AppConfig } from '@comptoir/platform/config';
import { createValidationPipe, ProblemDetailsFilter, ProblemDto, FieldErrorDto } from '@comptoir/platform/http';
import { AppModule } from './app.module';

/** Routes whose handlers read `req.body` as the Buffer sent, not as parsed JSON. */
const RAW_BODY_ROUTES = [STRIPE_WEBHOOK_ROUTE, PLATFORM_CALLBACK_ROUTE];

export interface ApiAppOptions {
  /** Keep Nest's bootstrap logs quiet (tests, contract generation). */
  quiet?: boolean;
}

/** Builds the API exactly as production runs it; tests, the contract generator and the bench reuse it. */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    logger: options.quiet ? false : undefined,
    bodyParser: false,
  });
  if (!options.quiet) app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(cookieParser());
  // Webhook signatures are computed over the exact bytes received: those routes keep the raw body.
  app.use(RAW_BODY_ROUTES, express.raw({ type: () => true, limit: '1mb' }));
  app.use(express.json({ limit: '1mb' }));
  applyRouting(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  (app.getHttpAdapter().getInstance() as express.Express).get('/api/openapi.json', (_req, res) => res.json(document));
  SwaggerModule.setup('api/docs', app, document, { customSiteTitle: 'Comptoir API', swaggerOptions: { persistAuthorization: true } });
  serveSpa(app, config);
  return app;
}

/** Everything under /api except the probes, which orchestrators expect at the root. */
export function applyRouting(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
}

/** The OpenAPI contract, with keys sorted so that the committed file diffs cleanly. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Comptoir API')
    .setDescription(
      'REST API of Comptoir: CRM, sales documents, receivables and the legal ledger for French and European SMBs. ' +
        'Authenticate with `Authorization: Bearer <token>` (session access token or API key), or HTTP Basic with an API key (public id as user, secret as password). ' +
        'Users select the company with the `Comptoir-Company` header. Errors are RFC 9457 problem documents.',
    )
    .setVersion('1.0.0')
    .setLicense('Proprietary', 'https://comptoir.dev/license')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Session access token (cps_…) or API key token (cpk_….secret)' })
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'API key: public id as user name, secret as password' }, 'basic')
    .addCookieAuth('comptoir_session', { type: 'apiKey', in: 'cookie', description: 'Session cookie set by signup and login (the SPA)' }, 'cookie')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('basic')
    .addSecurityRequirements('cookie');
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDto, FieldErrorDto],
    operationIdFactory: (_controller, method) => method,
  });
  // Credentials are declared once for the whole API; public operations opt out with `security: []`.
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as { security?: unknown[] }[]) {
      if (operation?.security?.length) delete operation.security;
    }
  }
  return sortKeys(document) as OpenAPIObject;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Serves the built SPA on the same port; unknown non-API paths fall back to index.html (client routing). */
function serveSpa(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.webDistDir ?? join(process.cwd(), 'apps/web/dist');
  if (!existsSync(join(dist, 'index.html'))) return;
  const assets = express.static(dist, { index: false, maxAge: '1h' });
  const isApi = (path: string) => path.startsWith('/api') || path === '/health' || path === '/metrics';
  // API requests skip the file lookups entirely: a stat per request showed as 9 % of the API's CPU.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    assets(req, res, () => res.sendFile(join(dist, 'index.html')));
  });
}
