/** Access to the phrase banks by intent, with the test-only reservation applied. */
import type { Rng } from "./prng.ts";
import type { PhraseBank, SubjectKey } from "./phrases/types.ts";
import type { IntentKey } from "./render.ts";
import type { Split } from "./common.ts";

export interface Entry {
  key: string;
  index: number;
  text: string;
  /** dispute reason or requested document */
  tag?: string;
  pdf: boolean;
  self: boolean;
  /** Text with its own inline greeting ("Hallo, die Überweisung …"), when it has one. */
  full: string;
  greeting: string | null;
}

/** Openers some phrasings start with; a mail keeps them only when that phrasing opens it. */
const GREETING = /^(Hallo Frau Verstraeten|Hallo|Hi Sofie|Hi|Hello|Good morning|Goedemorgen|Goedemiddag|Beste Sofie|Beste|Dear Sofie|Bonjour Julien|Bonjour|Madame, Monsieur|Guten Tag Frau Verstraeten|Guten Tag|Sehr geehrte Frau Verstraeten), /;

/** Every 4th entry of every list (index % 4 === 3) is reserved for the test split. */
export const reserved = (index: number) => index % 4 === 3;

export function entries(bank: PhraseBank, key: IntentKey): Entry[] {
  const raw: Array<[string, string | undefined]> =
    key === "dispute" ? bank.dispute.map(([r, t]) => [t, r])
    : key === "document" ? bank.document.map(([d, t]) => [t, d])
    : key === "auto" ? bank.autoReply.map((t) => [t, undefined])
    : key === "other" ? bank.other.map((o) => [o.body, o.kind])
    : (bank[key as "promise"] as string[]).map((t) => [t, undefined]);
  return raw.map(([text, tag], index) => {
    const pdf = text.startsWith("[pdf]");
    const self = text.startsWith("[self]");
    const full = text.replace(/^\[(pdf|self)\]/, "");
    const g = key === "auto" || key === "other" ? null : GREETING.exec(full);
    const bare = g ? full.slice(g[0].length).replace(/^./, (c) => c.toUpperCase()) : full;
    return { key, index, text: bare, tag, pdf, self, full, greeting: g ? g[1] : null };
  });
}

/**
 * Picks an entry allowed in the split: train never sees reserved phrasings;
 * test and demo draw a reserved one half of the time when one fits.
 */
export function choose(list: Entry[], split: Split, rng: Rng, ok: (e: Entry) => boolean): Entry | null {
  const fit = list.filter(ok);
  const open = fit.filter((e) => !reserved(e.index));
  const held = fit.filter((e) => reserved(e.index));
  if (split === "train") return open.length ? rng.pick(open) : null;
  if (held.length && (rng.chance(0.5) || open.length === 0)) return rng.pick(held);
  return open.length ? rng.pick(open) : null;
}

/** Subject-line requests of one intent ("see subject" mails), as entries with the bank's own indices. */
export function subjectEntries(bank: PhraseBank, key: SubjectKey): Entry[] {
  return bank.subjectOnly
    .map(([k, tag, text], index) => ({ k, tag, text, index }))
    .filter((x) => x.k === key)
    .map(({ tag, text, index }) => ({ key: "subject", index, text, tag: tag ?? undefined, pdf: false, self: false, full: text, greeting: null }));
}

/** One line of a plain list (notes, "see subject"…) under the same test-only rule; returns its index too. */
export function pickLine(list: string[], split: Split, rng: Rng): { text: string; index: number } {
  const all = list.map((text, index) => ({ key: "line", index, text, pdf: false, self: false, full: text, greeting: null }));
  const e = choose(all, split, rng, () => true)!;
  return { text: e.text, index: e.index };
}
