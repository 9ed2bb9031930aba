// The store the rest of Caseload works with: the SQLite store (db/store/open.ts) plus the hybrid
// logical clock and the one way to change synced data, `write`, which records every field change
// in the journal in the same transaction as the row change.
import { StoreBase, type OpenOptions } from '../store/open.js';
import { Clock } from './hlc.js';
import { Writer } from './write.js';

export type { OpenOptions } from '../store/open.js';

export class Store extends StoreBase {
  readonly clock: Clock;
  private writer: Writer | null = null;

  private constructor(file: string, opts: OpenOptions) {
    super(file, opts);
    // The clock's last value is kept in meta by every write (no index on journal.hlc needed).
    this.clock = new Clock(this.device, this.getMeta('hlc'), () => this.now());
  }

  static open(file: string, opts: OpenOptions = {}): Store {
    return new Store(file, opts);
  }

  /**
   * The only way to change synced data: `fn` gets a Writer that records every field change in
   * the journal, all in one SQLite transaction (nothing is half-written when fn throws).
   */
  write<T>(user: string, fn: (w: Writer) => T): T {
    this.writer ??= new Writer(this);
    const w = this.writer;
    try {
      return this.db.transaction(() => {
        const result = w.as(user, () => fn(w));
        this.setMeta('hlc', this.clock.current());
        return result;
      })();
    } finally {
      // Committed or rolled back: what the writer knew of this transaction's rows ends with it.
      w.forget();
    }
  }
}
