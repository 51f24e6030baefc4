import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '@comptoir/platform/config';
import { MailSenderHandler } from './mail-sender.handler';
import { createMailTransport, MAIL_TRANSPORT } from './mail-transport';
import { Mailer } from './mailer.service';

@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class NotifyModule {
  static forApi(): DynamicModule {
    return { module: NotifyModule };
  }

  /** The worker sends through SMTP_URL (the in-process catcher's URL in development). */
  static forWorker(): DynamicModule {
    return {
      module: NotifyWorkerModule,
      providers: [
        {
          provide: MAIL_TRANSPORT,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            if (!config.smtpUrl) throw new Error('SMTP_URL is required by the worker');
            return createMailTransport(config.smtpUrl);
          },
        },
        MailSenderHandler,
      ],
    };
  }
}

@Module({})
class NotifyWorkerModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: Transporter) {}
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
