import type { AppContext } from "../../context.ts";
import { storeMessages, type StoreInput, type StoreResult } from "./store-message.ts";

/** What an import did; stored + linked + duplicates + failed.length = messages seen. */
export interface ImportCounts {
  /** New messages. */
  stored: number;
  /** Already stored (same content), nothing new. */
  duplicates: number;
  /** Already stored from another mailbox: only a link to this mailbox was added. */
  linked: number;
  /** Of the new messages: stored with a parse error (raw kept). */
  parseErrors: number;
  /** Of the new messages: above MAX_MESSAGE_BYTES, stored raw and not parsed. */
  tooLarge: number;
  /** Could not be read or stored at all. */
  failed: Array<{ file: string; error: string }>;
}

export const emptyCounts = (): ImportCounts => ({ stored: 0, duplicates: 0, linked: 0, parseErrors: 0, tooLarge: 0, failed: [] });

export interface BatchItem extends StoreInput {
  /** Where it came from, for the failure report (file path, mbox file#n). */
  label: string;
}

/**
 * Groups messages into one transaction per batch: per-message transactions
 * would cap a folder import far below the throughput target. Memory stays
 * bounded by maxBytes whatever the size of the import.
 */
export class IngestBatcher {
  readonly counts = emptyCounts();
  private items: BatchItem[] = [];
  private bytes = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: { maxCount?: number; maxBytes?: number } = {},
  ) {}

  async add(item: BatchItem): Promise<void> {
    this.items.push(item);
    this.bytes += item.raw.length;
    if (this.items.length >= (this.opts.maxCount ?? 100) || this.bytes >= (this.opts.maxBytes ?? 16 * 1024 * 1024)) {
      await this.flush();
    }
  }

  fail(label: string, err: unknown): void {
    this.counts.failed.push({ file: label, error: err instanceof Error ? err.message : String(err) });
  }

  async flush(): Promise<void> {
    const batch = this.items;
    this.items = [];
    this.bytes = 0;
    if (!batch.length) return;
    try {
      this.count(await storeMessages({ ctx: this.ctx, input: batch }));
    } catch (err) {
      // One bad message must not sink its neighbours: retry them one by one
      // and report only what still fails.
      this.ctx.log.warn("batch store failed, storing one by one", { err: String(err), size: batch.length });
      for (const item of batch) {
        try {
          this.count(await storeMessages({ ctx: this.ctx, input: [item] }));
        } catch (e) {
          this.fail(item.label, e);
        }
      }
    }
  }

  private count(results: StoreResult[]) {
    for (const r of results) {
      if (r.status === "stored") {
        this.counts.stored++;
        if (r.parseStatus === "parse_error") this.counts.parseErrors++;
        if (r.parseStatus === "too_large") this.counts.tooLarge++;
      } else if (r.status === "linked") this.counts.linked++;
      else this.counts.duplicates++;
    }
  }
}
