import { addMonths } from "../drafts/locale-format.ts";

/**
 * Instalment schedules in integer cents. Invariant everywhere: the amounts
 * sum EXACTLY to the plan total, every amount is positive, dates strictly
 * increase. A proposed schedule splits the total evenly and puts the leftover
 * cents on the last instalment (1000.00 / 3 → 333.33, 333.33, 333.34).
 */
export interface Instalment {
  seq: number;
  dueDate: string;
  amountCents: number;
}

export const DEFAULT_INSTALMENTS = 3;
export const MAX_INSTALMENTS = 24;

/** The first instalment: the 1st of next month, or of the month after if that is less than 10 days away. */
export function firstInstalmentDate(today: string): string {
  const firstNext = addMonths(`${today.slice(0, 8)}01`, 1);
  const days = (Date.parse(firstNext) - Date.parse(today)) / 86_400_000;
  return days < 10 ? addMonths(firstNext, 1) : firstNext;
}

export function proposeSchedule(totalCents: number, count: number, firstDate: string): Instalment[] {
  if (!Number.isSafeInteger(totalCents) || totalCents <= 0) throw new Error("a plan needs a positive total");
  // Never more instalments than cents, never more than the cap.
  const n = Math.max(1, Math.min(Math.floor(count), MAX_INSTALMENTS, totalCents));
  const base = Math.floor(totalCents / n);
  return Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    dueDate: addMonths(firstDate, i),
    amountCents: i === n - 1 ? totalCents - base * (n - 1) : base,
  }));
}

/** Why a schedule is not acceptable for this total, or null when it is. */
export function scheduleProblem(totalCents: number, items: { dueDate: string; amountCents: number }[]): string | null {
  if (!items.length) return "a plan needs at least one instalment";
  if (items.length > MAX_INSTALMENTS) return `at most ${MAX_INSTALMENTS} instalments`;
  for (const [i, it] of items.entries()) {
    if (!Number.isSafeInteger(it.amountCents) || it.amountCents <= 0) return `instalment ${i + 1}: the amount must be positive`;
    if (i > 0 && it.dueDate <= items[i - 1].dueDate) return `instalment ${i + 1}: dates must be in increasing order`;
  }
  const sum = items.reduce((s, it) => s + it.amountCents, 0);
  if (sum !== totalCents) {
    return `the instalments add up to ${(sum / 100).toFixed(2)}, the plan total is ${(totalCents / 100).toFixed(2)} (difference ${((sum - totalCents) / 100).toFixed(2)})`;
  }
  return null;
}

/**
 * Allocate what was paid towards the plan to its instalments, oldest first:
 * instalment k is covered by the part of the running total above the sum of
 * the instalments before it (refunds, as negative payments, simply lower the
 * total). paidOn is the day the running total first covered it.
 */
export function allocate(
  items: Instalment[],
  payments: { paidOn: string; amountCents: number }[],
  today: string,
): { seq: number; paidCents: number; status: "pending" | "partly_paid" | "paid" | "overdue"; paidOn: string | null }[] {
  const sorted = [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const total = sorted.reduce((s, p) => s + p.amountCents, 0);
  let before = 0;
  return items.map((it) => {
    const paidCents = Math.max(0, Math.min(it.amountCents, total - before));
    const target = before + it.amountCents;
    before = target;
    let running = 0;
    let paidOn: string | null = null;
    if (paidCents === it.amountCents) {
      for (const p of sorted) {
        running += p.amountCents;
        if (running >= target) {
          paidOn = p.paidOn;
          break;
        }
      }
    }
    const status = paidCents >= it.amountCents ? "paid" : it.dueDate < today ? "overdue" : paidCents > 0 ? "partly_paid" : "pending";
    return { seq: it.seq, paidCents, status, paidOn };
  });
}
