import { sparseDot, type SparseVector } from "../embedders/text-features.ts";
import type { Intent } from "../intents.ts";

export interface MemoryMatch {
  similarity: number;
  intent: Intent;
  /** Position of the correction in learning order (later ones win ties). */
  order: number;
}

/**
 * Clerk corrections, consulted before the regression: a mail that is (nearly)
 * the same as one a clerk already corrected gets the clerk's intent at once,
 * whatever the weights say. Linear scan over sparse vectors: corrections
 * number in the hundreds, and one scan costs well under a millisecond each.
 */
export class CorrectionMemory {
  private entries: Array<{ vec: SparseVector; intent: Intent; order: number }> = [];
  private counter = 0;

  get size(): number {
    return this.entries.length;
  }

  /** Remember a correction; one for the same text (similarity ≥ 0.999) is replaced, not duplicated. */
  add(vec: SparseVector, intent: Intent): void {
    const order = this.counter++;
    const same = this.entries.findIndex((e) => sparseDot(e.vec, vec) >= 0.999);
    if (same >= 0) this.entries[same] = { vec, intent, order };
    else this.entries.push({ vec, intent, order });
  }

  /** The most similar correction at or above `threshold`, if any. */
  nearest(vec: SparseVector, threshold: number): MemoryMatch | null {
    let best: MemoryMatch | null = null;
    for (const e of this.entries) {
      const similarity = sparseDot(e.vec, vec);
      if (similarity < threshold) continue;
      if (!best || similarity > best.similarity + 1e-9 || (Math.abs(similarity - best.similarity) <= 1e-9 && e.order > best.order)) {
        best = { similarity, intent: e.intent, order: e.order };
      }
    }
    return best;
  }
}
