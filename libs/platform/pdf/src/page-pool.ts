import { ServiceUnavailableError } from './pdf-errors';

/**
 * A fixed number of slots handed out one at a time, with a bounded FIFO of waiters: beyond `maxWaiting`, callers
 * are refused at once (503) rather than piling up behind a slow renderer.
 */
export class SlotPool<T> {
  private readonly free: T[];
  private readonly waiting: { resolve: (slot: T) => void; reject: (error: Error) => void }[] = [];
  private closed = false;

  constructor(
    slots: T[],
    private readonly maxWaiting: number,
  ) {
    this.free = [...slots];
  }

  get queued(): number {
    return this.waiting.length;
  }

  acquire(): Promise<T> {
    if (this.closed) return Promise.reject(new ServiceUnavailableError('pdf_renderer_closed', 'The PDF renderer is shutting down'));
    const slot = this.free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new ServiceUnavailableError('pdf_renderer_busy', 'Too many PDFs are waiting to be rendered; retry later'));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  release(slot: T): void {
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else this.free.push(slot);
  }

  async use<R>(work: (slot: T) => Promise<R>): Promise<R> {
    const slot = await this.acquire();
    try {
      return await work(slot);
    } finally {
      this.release(slot);
    }
  }

  /** Refuses new work and fails everything still waiting. */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new ServiceUnavailableError('pdf_renderer_closed', 'The PDF renderer is shutting down'));
  }
}
