/**
 * Layouts beyond "own text above the quoted reminder": answers written below
 * the quote (bottom-posting) or between its lines (inline), and forwards in
 * which someone hands a customer's mail on with a one-line note. The label of
 * a hand-over forward is the forwarded customer mail's (intents.md: classify
 * what the sender wrote; a bare hand-over note carries no intent of its own).
 */
import type { Lang } from "./phrases/types.ts";
import { quoteLetter, type Letter } from "./letter.ts";
import { escapeHtml, ownPlain, type OwnText } from "./body.ts";

/** Quote styles that prefix the quoted reminder with "> ", where answering below it is common. */
export type PrefixStyle = "gmail" | "apple" | "thunderbird";

/** The reminder quoted first, the sender's whole text under it. */
export function bottomPlain(own: OwnText, letter: Letter, style: PrefixStyle, lang: Lang): string {
  return `${quoteLetter(letter, style, lang)}\n\n${ownPlain(own)}\n`;
}

/**
 * The answer written into the quoted reminder, right under its table of
 * invoices; greeting and a "see below" line on top, the signature at the end.
 */
export function inlinePlain(own: OwnText, intro: string | null, letter: Letter, style: PrefixStyle, lang: Lang): string {
  const quoted = quoteLetter(letter, style, lang).split("\n");
  const lastRow = quoted.reduce((acc, l, i) => (/^> (VF|CN)-/.test(l) ? i : acc), -1);
  let at = quoted.findIndex((l, i) => i > lastRow && l.trim() === ">");
  if (at < 0) at = quoted.length;
  const top = [own.greeting, intro].filter((x): x is string => !!x);
  const sign = [own.closing, `${own.sigDash ? "-- \n" : ""}${own.signature}`].filter(Boolean).join("\n");
  const out = [
    ...(top.length ? [top.join("\n\n"), ""] : []),
    ...quoted.slice(0, at),
    "",
    own.paragraphs.join("\n\n"),
    "",
    ...quoted.slice(at + 1),
    "",
    sign,
    ...(own.mobile ? ["", own.mobile] : []),
  ];
  return `${out.join("\n")}\n`;
}

/** Plain text as the simple HTML a webmail sends next to it (quoted lines stay "&gt; …"). */
export function plainAsHtml(text: string): string {
  return `<div dir="ltr">${escapeHtml(text.trimEnd()).replace(/\n/g, "<br>\n")}</div>\n`;
}
