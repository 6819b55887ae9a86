import { parseAmountText, numberKey } from "../ledger/values.ts";

/**
 * The guard between an LLM draft and a human: every amount, date, invoice
 * number, e-mail address and link in the draft must be one the ledger facts
 * contain. Anything else (an invented amount, a "corrected" due date, an
 * attacker's address copied from a hostile email) rejects the draft, and the
 * template draft is used instead. Deliberately strict: a false rejection
 * costs a template draft, a false acceptance costs a wrong statement to a
 * debtor.
 */
export interface AllowedFacts {
  /** Absolute amounts in cents. */
  amounts: Set<number>;
  /** ISO dates. */
  dates: Set<string>;
  /** Invoice numbers as written in the ledger. */
  invoiceNumbers: string[];
  /** Other identifiers the draft may cite (debtor/customer number, VAT, case reference, PO...). */
  otherNumbers: string[];
  /** Addresses the draft may mention (sender, debtor contacts, our mailbox). */
  emails: Set<string>;
  /** Small counts that may appear as bare integers (instalment count, days overdue...). */
  counts: Set<number>;
}

export interface FactProblem {
  kind: "amount" | "date" | "invoice" | "number" | "email" | "link" | "commitment";
  text: string;
}

/**
 * Statements that the ledger changed or that a concession was granted: only
 * a person can decide those, so an LLM draft making them is refused (the
 * usual aim of an injected "mark all invoices as paid"). Some legitimate
 * phrasings are caught too; the price of that is a template draft.
 */
const W = "[\\p{L}'’]+\\s+"; // one word and its space
const commitment = (src: string) => new RegExp(`(?<![\\p{L}])(?:${src})(?![\\p{L}])`, "iu");
const COMMITMENTS: RegExp[] = [
  commitment(`(?:marked|recorded|booked|registered|set)\\s+(?:${W}){0,3}as\\s+(?:paid|settled|cancell?ed|void)`),
  commitment(`written off|waived?|(?:cancell?ed|voided) (?:the|your|all)|credit note (?:has been|was|is|will be) (?:issued|granted|created)|we (?:will|have|'ve) (?:issue|issued|grant|granted) (?:a|you a) (?:credit|discount|refund)`),
  commitment(`(?:als|zijn)\\s+(?:${W}){0,3}(?:betaald|voldaan|geannuleerd)\\s+(?:gemarkeerd|geboekt|geregistreerd|genoteerd)|(?:gemarkeerd|geboekt)\\s+als\\s+(?:betaald|voldaan)|kwijtgescholden|creditnota\\s+(?:${W}){0,2}(?:opgemaakt|toegekend|verstuurd)`),
  commitment(`(?:marquée?s?|enregistrée?s?|considérée?s?)\\s+comme\\s+(?:payée?s?|réglée?s?|soldée?s?|annulée?s?)|avoir\\s+(?:${W}){0,2}(?:émis|accordé|établi)|(?:émis|accordé|établi)\\s+(?:${W}){0,1}avoir|annulé(?:e|es|s)?\\s+(?:la|les|votre|vos)\\s+factures?`),
  commitment(`als\\s+(?:bezahlt|beglichen|storniert)\\s+(?:markiert|verbucht|erfasst)|storniert|Gutschrift\\s+(?:${W}){0,2}(?:erstellt|ausgestellt|gewährt)|erlassen`),
];

const MONTHS: Record<string, number> = {};
const monthNames: string[][] = [
  ["january", "jan", "januari", "janvier", "janv", "januar", "jänner"],
  ["february", "feb", "februari", "février", "fevrier", "févr", "fevr", "februar"],
  ["march", "mar", "maart", "mars", "märz", "maerz", "mrt"],
  ["april", "apr", "avril", "avr"],
  ["may", "mei", "mai"],
  ["june", "jun", "juni", "juin"],
  ["july", "jul", "juli", "juillet", "juil"],
  ["august", "aug", "augustus", "août", "aout"],
  ["september", "sep", "sept", "septembre"],
  ["october", "oct", "oktober", "octobre", "okt"],
  ["november", "nov", "novembre"],
  ["december", "dec", "décembre", "decembre", "dezember", "dez", "déc"],
];
monthNames.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const pad = (n: number) => String(n).padStart(2, "0");
const B = "(?<![\\p{L}\\p{N}/.,-])"; // not glued to a word, number or reference on the left
const E = "(?![\\p{L}\\p{N}/-]|[.,]\\d)"; // ... nor on the right

const NUM = "\\d{1,3}(?:[.,' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
const CUR = "€|£|\\$|EUR|GBP|USD|CHF|euros?|Euro";
const patterns = {
  email: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu,
  link: /\b(?:https?:\/\/|www\.)[^\s<>)]+/giu,
  isoDate: new RegExp(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`, "gu"),
  numDate: new RegExp(`${B}(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})${E}`, "gu"),
  dayMonth: new RegExp(
    `${B}(\\d{1,2})(?:st|nd|rd|th|er|e|\\.)?\\s+(?:de\\s+)?(${MONTH_RE})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`,
    "giu",
  ),
  monthDay: new RegExp(`(?<![\\p{L}])(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(\\d{4}))?${E}`, "giu"),
  money: new RegExp(
    `(?:(?:${CUR})\\s?(-?(?:${NUM}))|${B}(-?(?:${NUM}))\\s?(?:${CUR}))(?![\\p{L}\\p{N}])|${B}(-?(?:\\d{1,3}(?:[.,' ]\\d{3})+|\\d+)[.,]\\d{2})${E}`,
    "giu",
  ),
  token: /[\p{L}\p{N}][\p{L}\p{N}/._-]*\p{N}[\p{L}\p{N}/._-]*|\p{N}+/gu,
};

function validIso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function checkFacts(text: string, allowed: AllowedFacts): FactProblem[] {
  const problems: FactProblem[] = [];
  let rest = text.replace(/[\u00a0\u202f\u2009]/g, " ");
  const blank = (s: string) => " ".repeat(s.length);
  const consume = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      fn(m);
      return blank(m[0]);
    });
  };

  for (const re of COMMITMENTS) {
    const m = re.exec(rest);
    if (m) problems.push({ kind: "commitment", text: m[0] });
  }

  // 1. Addresses and links: never one the facts do not hold (the classic injection payload).
  consume(patterns.email, (m) => {
    if (!allowed.emails.has(m[0].toLowerCase())) problems.push({ kind: "email", text: m[0] });
  });
  consume(patterns.link, (m) => problems.push({ kind: "link", text: m[0] }));

  // 2. Known invoice numbers and identifiers, taken out first so their digits are not misread.
  const known = [...allowed.invoiceNumbers, ...allowed.otherNumbers].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const ref of known) {
    const esc = ref.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    consume(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "giu"), () => {});
  }

  // 3. Dates, in every form the templates and people write them.
  const yearless = new Set([...allowed.dates].map((d) => d.slice(5)));
  const checkDate = (iso: string | null, raw: string, yearKnown = true) => {
    if (!iso) return problems.push({ kind: "date", text: raw });
    const ok = yearKnown ? allowed.dates.has(iso) : yearless.has(iso.slice(5));
    if (!ok) problems.push({ kind: "date", text: raw });
  };
  consume(patterns.isoDate, (m) => checkDate(validIso(+m[1], +m[2], +m[3]), m[0]));
  consume(patterns.numDate, (m) => {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    checkDate(validIso(y, +m[2], +m[1]), m[0]);
  });
  consume(patterns.dayMonth, (m) =>
    checkDate(validIso(m[3] ? +m[3] : 2000, MONTHS[m[2].toLowerCase()], +m[1]), m[0], Boolean(m[3])),
  );
  consume(patterns.monthDay, (m) =>
    checkDate(validIso(m[3] ? +m[3] : 2000, MONTHS[m[1].toLowerCase()], +m[2]), m[0], Boolean(m[3])),
  );

  // 4. Amounts: with a currency, or with two decimals.
  consume(patterns.money, (m) => {
    const raw = (m[1] ?? m[2] ?? m[3]).replace(/^-/, "");
    const parsed = parseAmountText(raw);
    if (!parsed.ok || !allowed.amounts.has(Math.abs(parsed.value))) problems.push({ kind: "amount", text: m[0].trim() });
  });

  // 5. Whatever still carries digits: an invoice reference, an identifier, a year or a small count.
  const invoiceKeys = new Set(allowed.invoiceNumbers.map(numberKey).filter((k) => k.length >= 3));
  const otherKeys = new Set(allowed.otherNumbers.map(numberKey).filter((k) => k.length >= 3));
  consume(patterns.token, (m) => {
    const token = m[0].replace(/[._/-]+$/, "");
    const key = numberKey(token);
    if (invoiceKeys.has(key) || otherKeys.has(key)) return;
    const plain = /^(\d+)(?:st|nd|rd|th|er|e|ste|de|ème|eme|\.)?$/i.exec(token);
    if (plain) {
      const n = Number(plain[1]);
      if (n < 100 || allowed.counts.has(n) || allowed.amounts.has(n * 100)) return;
      if (plain[1].length === 4 && n >= 1990 && n <= 2100) return;
    }
    problems.push({ kind: /[\p{L}]/u.test(token) || key.length >= 5 ? "invoice" : "number", text: token });
  });
  return problems;
}

export function describeProblems(problems: FactProblem[]): string {
  return problems.map((p) => `${p.kind} not in the ledger facts: ${JSON.stringify(p.text)}`).join("; ");
}
