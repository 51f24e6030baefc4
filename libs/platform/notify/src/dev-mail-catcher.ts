import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * A real SMTP server in the process, for development (`npm start` without SMTP_URL prints every mail
 * to the log) and for tests (they read `messages`).
 */
export class DevMailCatcher {
  readonly messages: CaughtMail[] = [];
  private readonly logger = new Logger('DevMail');
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private readonly logToConsole = true) {}

  async start(port = 0): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const mail: CaughtMail = {
              from: parsed.from?.text ?? '',
              to: [parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
            };
            this.messages.push(mail);
            if (this.logToConsole) this.logger.log(`mail to ${mail.to.join(', ')}: ${mail.subject}${mail.attachments.length ? ` [${mail.attachments.map((a) => a.filename).join(', ')}]` : ''}\n${mail.text}`);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
