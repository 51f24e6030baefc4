import { Injectable } from '@nestjs/common';
import { CashFlowSource } from './cash-flow-source';

/** The cash-flow sources modules registered (each registers itself when its module starts). */
@Injectable()
export class CashFlowSourceRegistry {
  private readonly sources = new Map<string, CashFlowSource>();

  register(source: CashFlowSource): void {
    const existing = this.sources.get(source.key);
    if (existing && existing !== source) throw new Error(`A cash-flow source "${source.key}" is already registered`);
    this.sources.set(source.key, source);
  }

  all(): CashFlowSource[] {
    return [...this.sources.values()];
  }
}
