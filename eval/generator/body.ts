/**
 * Assembles what a person writes (greeting, text, closing, signature) above
 * the quoted letter, as plain text and as the HTML a client would produce.
 */
import type { Rng } from "./prng.ts";
import type { Lang, PhraseBank } from "./phrases/types.ts";
import { quoteLetter, type Letter, type QuoteStyle } from "./letter.ts";

export interface OwnText {
  greeting: string;
  paragraphs: string[];
  closing: string;
  signature: string;
  mobile: string | null;
  sigDash: boolean;
}

export function ownText(parts: string[], bank: PhraseBank, rng: Rng, opts: { intro?: string | null; signature: string; terse?: boolean; mobileOk?: boolean; greeting?: string; hour?: number; filler?: boolean }): OwnText {
  const terse = opts.terse ?? rng.chance(0.15);
  const paragraphs: string[] = [];
  if (opts.intro) paragraphs.push(opts.intro);
  // Several parts share one paragraph or get one each, as people do.
  if (parts.length > 1 && rng.chance(0.5)) paragraphs.push(parts.join(" "));
  else paragraphs.push(...parts);
  if (!terse && opts.filler !== false && rng.chance(0.3)) {
    const filler = rng.pick(bank.fillers);
    if (rng.chance(0.5) && opts.greeting !== "") paragraphs.unshift(filler);
    else paragraphs.push(filler);
  }
  return {
    greeting: opts.greeting ?? (terse ? "" : rng.pick(bank.greetings.filter((g) => fitsHour(g, opts.hour ?? 10)))),
    paragraphs,
    closing: terse ? "" : rng.pick(bank.closings),
    signature: opts.signature,
    mobile: opts.mobileOk !== false && rng.chance(0.08) ? rng.pick(bank.mobile) : null,
    sigDash: rng.chance(0.15),
  };
}

/** "Good morning" before noon, "good afternoon" after. */
export function fitsHour(greeting: string, hour: number): boolean {
  if (/morgen|morning/i.test(greeting)) return hour < 12;
  if (/middag|afternoon|Bonsoir/.test(greeting)) return hour >= 12;
  return true;
}

export function ownPlain(o: OwnText): string {
  const out: string[] = [];
  if (o.greeting) out.push(o.greeting, "");
  out.push(o.paragraphs.join("\n\n"), "");
  if (o.closing) out.push(o.closing);
  out.push(`${o.sigDash ? "-- \n" : ""}${o.signature}`);
  if (o.mobile) out.push("", o.mobile);
  return out.join("\n");
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const lines = (s: string) => escapeHtml(s).replace(/\n/g, "<br>\n");

function ownHtml(o: OwnText, outlook: boolean): string {
  const p = (s: string) => (outlook ? `<p class="MsoNormal">${lines(s)}<o:p></o:p></p>` : `<div>${lines(s)}</div>`);
  const gap = outlook ? `<p class="MsoNormal"><o:p>&nbsp;</o:p></p>` : "<div><br></div>";
  const out: string[] = [];
  if (o.greeting) out.push(p(o.greeting), gap);
  for (const para of o.paragraphs) out.push(p(para), gap);
  if (o.closing) out.push(p(o.closing));
  out.push(outlook ? `<p class="MsoNormal" style="font-size:9.0pt;color:#595959">${lines(o.signature)}</p>` : `<div dir="ltr" class="signature">${lines(o.signature)}</div>`);
  if (o.mobile) out.push(gap, p(o.mobile));
  return out.join("\n");
}

/** The quoted letter as HTML in the client's shape. */
function quoteHtml(letter: Letter, style: QuoteStyle, lang: Lang): string {
  const text = quoteLetter(letter, style, lang);
  if (style === "gmail" || style === "apple" || style === "thunderbird") {
    const all = text.split("\n");
    const head = all.filter((l) => !l.startsWith(">") || /^> (Op|Le|Am|On) /.test(l)).map((l) => l.replace(/^> /, ""));
    const body = all.filter((l) => l.startsWith(">") && !/^> (Op|Le|Am|On) /.test(l)).map((l) => l.replace(/^> ?/, "")).join("\n");
    if (style === "gmail") {
      return `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">${escapeHtml(head.join(" ").trim())}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${lines(body)}</blockquote></div>`;
    }
    return `<div>${escapeHtml(head.join(" ").trim())}<br></div><blockquote type="cite">${lines(body)}</blockquote>`;
  }
  const [headBlock, ...rest] = text.split("\n\n");
  const headLines = headBlock.split("\n").map((l) => {
    const m = /^([^:]{2,12} ?:)(.*)$/.exec(l);
    return m && !l.startsWith("-") ? `<b>${escapeHtml(m[1])}</b>${escapeHtml(m[2])}` : escapeHtml(l);
  });
  const letterHtml = rest.join("\n\n").split("\n\n").map((para) => `<p class="MsoNormal">${lines(para)}</p>`).join("\n");
  if (style === "outlook") {
    return `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal">${headLines.join("<br>\n")}</p></div>\n${letterHtml}`;
  }
  return `<div>${headLines.join("<br>\n")}</div><br>\n${letterHtml}`;
}

export function fullHtml(o: OwnText, quote: { letter: Letter; style: QuoteStyle; lang: Lang } | null, charset: string, outlook: boolean, word: { lang: Lang } | null = null): string {
  const head = word
    ? wordHead(charset, word.lang)
    : outlook
    ? `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style></head><body lang="NL-BE"><div class="WordSection1">`
    : `<div dir="ltr">`;
  const tail = outlook || word ? "</div></body></html>" : "</div>";
  const q = quote ? `\n<br>\n${quoteHtml(quote.letter, quote.style, quote.lang)}` : "";
  return `${head}\n${word ? wordHtml(o, word.lang) : ownHtml(o, outlook)}${q}\n${tail}\n`;
}

const WORD_LANG: Record<Lang, string> = { nl: "NL-BE", fr: "FR-BE", de: "DE", en: "EN-GB" };

/** The head Outlook for Windows writes: Word's "filtered medium" HTML with its styles and VML namespaces. */
function wordHead(charset: string, lang: Lang): string {
  return [
    `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">`,
    `<head>`,
    `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`,
    `<meta name="Generator" content="Microsoft Word 15 (filtered medium)">`,
    `<style><!--`,
    `/* Font Definitions */`,
    `@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}`,
    `@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}`,
    `/* Style Definitions */`,
    `p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;\n\tmso-fareast-language:EN-US;}`,
    `a:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-decoration:underline;}`,
    `span.EmailStyle17\n\t{mso-style-type:personal-compose;\n\tfont-family:"Calibri",sans-serif;\n\tcolor:windowtext;}`,
    `.MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:10.0pt;}`,
    `@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:70.85pt 70.85pt 70.85pt 70.85pt;}`,
    `div.WordSection1\n\t{page:WordSection1;}`,
    `--></style><!--[if gte mso 9]><xml>`,
    `<o:shapedefaults v:ext="edit" spidmax="1026" />`,
    `</xml><![endif]--><!--[if gte mso 9]><xml>`,
    `<o:shapelayout v:ext="edit">`,
    `<o:idmap v:ext="edit" data="1" />`,
    `</o:shapelayout></xml><![endif]-->`,
    `</head>`,
    `<body lang=${WORD_LANG[lang]} link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>`,
    `<div class=WordSection1>`,
  ].join("\n");
}

/** The sender's part as Word writes it: unquoted class attributes, spans with inline styles, <o:p> paragraph marks. */
function wordHtml(o: OwnText, lang: Lang): string {
  const span = `<span lang=${WORD_LANG[lang]} style='mso-fareast-language:EN-US'>`;
  const p = (s: string) => `<p class=MsoNormal>${span}${lines(s)}<o:p></o:p></span></p>`;
  const gap = `<p class=MsoNormal>${span}<o:p>&nbsp;</o:p></span></p>`;
  const out: string[] = [];
  if (o.greeting) out.push(p(o.greeting), gap);
  for (const para of o.paragraphs) out.push(p(para), gap);
  if (o.closing) out.push(p(o.closing), gap);
  const [first, ...rest] = o.signature.split("\n");
  const restHtml = rest.length ? `<br>\n${lines(rest.join("\n"))}` : "";
  out.push(`<p class=MsoNormal><b><span style='font-size:10.0pt;color:#1F3864;mso-fareast-language:${WORD_LANG[lang]}'>${escapeHtml(first)}</span></b><span style='font-size:10.0pt;color:#1F3864;mso-fareast-language:${WORD_LANG[lang]}'>${restHtml}<o:p></o:p></span></p>`);
  if (o.mobile) out.push(gap, p(o.mobile));
  return out.join("\n");
}

export function fullPlain(o: OwnText, quote: { letter: Letter; style: QuoteStyle; lang: Lang } | null): string {
  const own = ownPlain(o);
  return quote ? `${own}\n\n${quoteLetter(quote.letter, quote.style, quote.lang)}\n` : `${own}\n`;
}
