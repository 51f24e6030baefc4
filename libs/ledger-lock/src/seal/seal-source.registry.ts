import { Injectable } from '@nestjs/common';
import { SealSource } from './seal-source';

/** The seal sources other modules registered, by record type. */
@Injectable()
export class SealSourceRegistry {
  private readonly sources = new Map<string, SealSource>();

  register(source: SealSource): void {
    const existing = this.sources.get(source.recordType);
    if (existing && existing !== source) throw new Error(`A seal source for record type "${source.recordType}" is already registered`);
    this.sources.set(source.recordType, source);
  }

  get(recordType: string): SealSource | undefined {
    return this.sources.get(recordType);
  }
}
