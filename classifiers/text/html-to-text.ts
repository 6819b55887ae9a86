/**
 * HTML mail bodies → plain text for classification. Regex based on purpose:
 * mail HTML is often broken (unclosed tags, Word markup), and we only need
 * readable lines, not a DOM.
 */

const NAMED: Record<string, string> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", euro: "€", pound: "£", yen: "¥", cent: "¢", copy: "©", reg: "®",
  trade: "™", deg: "°", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", hellip: "…",
  ndash: "–", mdash: "—", bull: "•", middot: "·", szlig: "ß", sect: "§", para: "¶", times: "×", divide: "÷", shy: "", zwnj: "",
  zwj: "", thinsp: " ", ensp: " ", emsp: " ", iexcl: "¡", iquest: "¿", ordm: "º", ordf: "ª", frac12: "½", frac14: "¼", frac34: "¾",
  aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", eth: "ð", thorn: "þ", oelig: "œ", OElig: "Œ", micro: "µ", plusmn: "±",
};
// Accented letters (&eacute; &Uuml; &ccedil; …) are composed from a base letter and a combining mark.
const MARKS: Record<string, string> = { acute: "\u0301", grave: "\u0300", circ: "\u0302", uml: "\u0308", tilde: "\u0303", cedil: "\u0327", ring: "\u030A", caron: "\u030C" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code === 160 ? 32 : code) : m;
    }
    if (e in NAMED) return NAMED[e];
    const acc = e.match(/^([a-zA-Z])(acute|grave|circ|uml|tilde|cedil|ring|caron)$/);
    if (acc) return (acc[1] + MARKS[acc[2]]).normalize("NFC");
    return m;
  });
}

/**
 * Where the quoted history starts in HTML written by common clients: the
 * reply/forward header containers of Outlook (desktop, web, new), Gmail,
 * Yahoo, Thunderbird, Apple Mail, Hotmail, ProtonMail.
 */
const QUOTE_STARTS = [
  /<div[^>]+id=["']?divRplyFwdMsg/i,
  /<div[^>]+id=["']?appendonsend/i,
  /<div[^>]+id=["']?mail-editor-reference-message-container/i,
  /<(?:div|blockquote)[^>]+class=["']?[^"'>]*\bgmail_quote/i,
  /<div[^>]+class=["']?[^"'>]*\byahoo_quoted/i,
  /<div[^>]+class=["']?[^"'>]*\bmoz-cite-prefix/i,
  /<div[^>]+class=["']?[^"'>]*\bprotonmail_quote/i,
  /<div[^>]+class=["']?[^"'>]*\bOutlookMessageHeader/i,
  /<span[^>]+id=["']?OLK_SRC_BODY_SECTION/i,
  /<hr[^>]+id=["']?stopSpelling/i,
  /<blockquote[^>]+type=["']?cite/i,
  // Outlook 2007-2016 and Outlook.com: the header block is a div with a solid top border.
  /<div[^>]+style=["'][^"']*border:\s*none;\s*border-top:\s*solid\s*#(?:B5C4DF|E1E1E1)/i,
  /<div[^>]+style=["'][^"']*border-top:\s*solid\s*#(?:B5C4DF|E1E1E1)\s*1\.0pt/i,
];

/** Drop everything from the first quote container on, and remaining <blockquote> elements. */
export function dropQuotedHtml(html: string): string {
  let cut = html.length;
  for (const re of QUOTE_STARTS) {
    const m = re.exec(html);
    if (m && m.index < cut) cut = m.index;
  }
  let out = html.slice(0, cut);
  // Nested blockquotes: remove innermost first until none is left.
  for (let i = 0; i < 20 && /<blockquote/i.test(out); i++) {
    const before = out;
    out = out.replace(/<blockquote\b(?:(?!<blockquote\b)[\s\S])*?<\/blockquote>/gi, "\n");
    if (out === before) {
      out = out.replace(/<blockquote\b[\s\S]*$/i, "");
      break;
    }
  }
  return out;
}

export interface HtmlToTextOptions {
  /** Remove quoted history containers before converting (default true). */
  dropQuotes?: boolean;
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  let s = options.dropQuotes === false ? html : dropQuotedHtml(html);
  s = s
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(head|style|script|title|xml|o:\w+)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<(?:br|hr)\b[^>]*>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    // One line per table row, no blank line between rows: a remittance table stays one block.
    .replace(/<\/tr\s*>\s*(?=<tr\b)/gi, "")
    .replace(/<\/?(?:p|div|tr|table|tbody|thead|ul|ol|li|h[1-6]|blockquote|pre|section|article|header|footer|center|dl|dt|dd)\b[^>]*>/gi, "\n")
    .replace(/<\/t[dh]\s*>/gi, " \t")
    .replace(/<[^>]*>/g, "")
    .replace(/<[^>]*$/g, "");
  s = decodeEntities(s)
    .replace(/\u00a0/g, " ")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  return s.trim();
}
