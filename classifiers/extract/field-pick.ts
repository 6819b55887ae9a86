/**
 * Choosing which of several dates or amounts in a mail is the field asked
 * for. People mix things in one mail ("we paid 120 yesterday, the rest
 * follows on the 15th", "we do not recognise 430,60; the invoice will be paid
 * on 20.05"), so a candidate is judged by the sentence it stands in: one that
 * says what the intent is about counts, one that says something else (a
 * payment already made, when a promise is wanted) disqualifies it.
 */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations whose dot does not end a sentence ("Nr. VF-12", "mr. De Vries", "fact. 449"). */
const ABBREV = /(?:^|[^\p{L}])(?:nr|no|nos|n°|nrs|mr|mrs|mw|me|dr|prof|fact|ref|réf|az|inv|st|ca|bzw|evtl|ggf|vs|etc|z\.b|d\.h|p\.o|i\.e|e\.g|u\.a|o\.a|bijv|bv|resp|tel|art|jl|a\.s|ca)$/iu;

/**
 * Sentences of a mail text, with their offsets. A line break ends a sentence
 * unless the line is long running text wrapped by the mail client; table rows
 * and "Label: value" lines stay apart.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    if (raw.trim()) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ start: start + lead, end: start + raw.trimEnd().length, text: raw.trim() });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      const line = text.slice(lineStart, i);
      const next = text.slice(i + 1).match(/^[^\n]*/)![0];
      // A long line cut without punctuation continues on the next, unless that one is a "Label: value" line.
      const wrapped = line.trim().length >= 55 && !/[.!?:;]\s*$/.test(line) && !/^\s*[\p{L} ]{1,30}:/u.test(next);
      if (!wrapped || !next.trim()) push(i + 1);
    } else if (/[.!?]/.test(c) && /\s/.test(text[i + 1] ?? " ")) {
      // "am 15. bei Ihnen": a dot followed by a lower-case word continues the sentence.
      const after = text.slice(i + 1).match(/^\s*(\S?)/)![1];
      if (c === "." && (ABBREV.test(text.slice(Math.max(0, i - 6), i)) || /\p{Ll}/u.test(after))) continue;
      push(i + 1);
    }
  }
  push(text.length);
  return out;
}

export interface PickOptions {
  /** A sentence saying what the field is about ("will be paid", "we dispute"). */
  want: RegExp;
  /** A sentence about something else; its candidates are dropped unless it also says `want`. */
  avoid?: RegExp;
  /** Extra points for a candidate (a "Total" line, a labelled payment date). */
  bonus?: (index: number, sentence: Sentence) => number;
  /** Candidates never taken (table rows of invoice dates, due dates). */
  skip?: (index: number, sentence: Sentence) => boolean;
}

const test = (re: RegExp, s: string) => new RegExp(re.source, re.flags.replace("g", "")).test(s);

/**
 * The candidate whose sentence says `want`, else the only candidate left, else
 * (several left, none in a `want` sentence) the one closest to a `want` cue.
 */
export function pickBySentence<T extends { index: number; text: string }>(items: T[], text: string, options: PickOptions): T | null {
  if (!items.length) return null;
  const sents = sentences(text);
  const sentenceOf = (i: number): Sentence => sents.find((s) => i >= s.start && i < s.end) ?? { start: i, end: i, text: "" };
  const scored: Array<{ item: T; score: number }> = [];
  for (const item of items) {
    const s = sentenceOf(item.index);
    if (options.skip?.(item.index, s)) continue;
    const wanted = test(options.want, s.text);
    if (!wanted && options.avoid && test(options.avoid, s.text)) continue;
    scored.push({ item, score: (wanted ? 2 : 0) + (options.bonus?.(item.index, s) ?? 0) });
  }
  if (!scored.length) return null;
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.item);
  if (top.length === 1) return top[0];
  return nearestTo(top, text, options.want) ?? (best > 0 ? top[0] : null);
}

/** Closest item to a cue (by characters), preferring ones after the cue; null beyond ~160 characters. */
function nearestTo<T extends { index: number; text: string }>(items: T[], text: string, cue: RegExp): T | null {
  const cues = [...text.matchAll(new RegExp(cue.source, cue.flags.includes("g") ? cue.flags : cue.flags + "g"))].map((m) => m.index!);
  let best: { item: T; d: number } | null = null;
  for (const item of items) {
    for (const c of cues) {
      const d = item.index >= c ? item.index - c : (c - item.index - item.text.length) * 1.5;
      if (!best || d < best.d) best = { item, d };
    }
  }
  return best && best.d < 160 ? best.item : null;
}
