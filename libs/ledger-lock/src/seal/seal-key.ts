import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';

/**
 * The journal's HMAC key. A process that may seal or verify refuses to start without it: sealing with
 * no key, or a made-up one, would write a chain nobody can verify later.
 */
@Injectable()
export class SealKey implements OnModuleInit {
  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.value();
  }

  value(): string {
    const key = this.config.ledgerSealKey;
    if (!key) {
      throw new Error(
        'LEDGER_SEAL_KEY is not set: the sealed journal needs its secret key (at least 32 characters, kept outside the database). ' +
          '`npm start` generates one into .data/secrets.json; in production set it from your secret store and never change it.',
      );
    }
    return key;
  }
}
