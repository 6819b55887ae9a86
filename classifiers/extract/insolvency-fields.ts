/**
 * Fields of an insolvency notice (intents.md): the reference of the
 * proceedings and the administrator (curator, mandataire judiciaire,
 * Insolvenzverwalter, liquidator, trustee) as the mail names them, title
 * and all ("mr. J. de Vries", "Maître Sophie Durand", "RAin Eva Vogt",
 * "SELARL Morel & Vidal, mandataires judiciaires", "Jane Reid and John Pike").
 */

// ─── Case reference ──────────────────────────────────────────────────────────

const CASE_CUE = new RegExp(
  [
    "case (?:number|no\\.?|nr\\.?|ref(?:erence)?\\.?)", "court (?:reference|case(?: number)?|file(?: number)?)", "claim (?:number|no\\.?)",
    "(?:insolvency|bankruptcy|proceedings?|file) (?:number|no\\.?|reference|ref\\.?)", "court['’]?s? order", "case no\\.?", "case", "procédure", "verfahren", "no\\.(?= \\d{1,6} of \\d{4})", "our ref(?:erence)?\\.?", "reference", "ref\\.?",
    "zaaknummer", "zaaknr\\.?", "zaak", "rolnummer", "rolnr\\.?", "insolventienummer", "faillissementsnummer", "dossiernummer", "dossiernr\\.?", "kenmerk",
    "referentie", "vonnis(?:nummer)?", "a\\.r\\.",
    "numéro (?:de )?(?:dossier|rg|r\\.g\\.|procédure|registre|rôle|jugement)", "n[°º] (?:de )?(?:rg|r\\.g\\.|dossier|procédure|rôle)", "rg n[°º]", "rg", "r\\.g\\.", "dossier", "référence", "réf\\.?",
    "aktenzeichen", "az\\.?", "geschäftszeichen", "gz\\.?", "verfahrensnummer", "unser zeichen", "verfahren nr\\.?",
  ].join("|"),
  "giu",
);
// What may stand between the cue and the reference: "n°", "nr.", ":", "(", "is", "van de rechtbank".
const CASE_FILLER = /^\s*(?:(?:n[°º]|nr\.?|no\.?|number|nummer|numéro|#|:|-|is|est|ist|lautet)\s*)*\(?\s*/iu;

// Court and administrators' file numbers: "F.13/24/123", "C/13/24/123 F", "A/24/02105", "36 IN 123/24",
// "RG 24/01234", "2024/123", "2024J00516", "L-FAIL-2024-136", "KO259557", "CR-2024-001234".
const CASE_TOKENS = [
  /\d{1,4}\s?[A-Z]{1,3}\s?\d{1,6}\/\d{2,4}/y, // German Aktenzeichen: 36 IN 123/24
  /[A-Z]{1,3}[./]\d{2}\/\d{2,4}\/\d{1,6}(?:\s?[A-Z]{1,3}(?![\p{L}\d]))?/uy, // F.13/24/123, C/13/24/123 F
  /[A-Z]{1,3}[./]\d{2}\/\d{2,6}/y, // A/24/02105
  /[A-Z0-9]{1,8}(?:[./-][A-Z0-9]{1,8}){1,4}/y, // 24/01234, 2024/123, L-FAIL-2024-136
  /\d{4}[A-Z]{1,3}\d{3,}|[A-Z]{1,4}\d{6,}/y, // 2024J00516, KO259557 (not a customer number like "D10075")
  /\d{1,6} of \d{4}/y, // English courts: "No. 1234 of 2024"
  /\d{6,12}/y, // Belgian insolvency numbers: 20241234
];
// Reference formats that stand out without a cue word in an insolvency notice.
const STANDALONE_CASE = [
  /(?<![\p{L}\d])\d{1,4}\s?I[NKEZ]\s?\d{1,6}\/\d{2,4}(?![\d/])/u, // "36 IN 123/24": German insolvency register
  /(?<![\p{L}\d])[FSR]\.\d{2}\/\d{2}\/\d{1,6}(?![\d/])/u, // Dutch: F.13/24/123
  /(?<![\p{L}\d/])[A-Z]\/\d{2}\/\d{3,6}(?![\d/])/u, // Belgian roll numbers: A/24/02105
];

/** Numbers that only look like references: phones, IBANs, VAT numbers, dates, postcodes, amounts. */
function looksLikeOtherNumber(token: string): boolean {
  const digits = token.replace(/\D/g, "");
  if (digits.length < 3) return true;
  if (/^\+|^00\d/.test(token) || /^0\d{1,3}[/. -]\d{2,3}[. ]\d{2}[. ]\d{2}/.test(token)) return true; // phone
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(token.replace(/\s/g, ""))) return true; // IBAN
  if (/^(?:BE|NL|FR|DE|LU|ATU|GB|CHE)\d{8,12}(?:B\d{2})?$/i.test(token.replace(/[\s.-]/g, ""))) return true; // VAT
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(token)) return true; // date
  if (/^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$|^\d+[.,]\d{2}$/.test(token)) return true; // amount
  if (/^\d{4,5}$/.test(token)) return true; // postcode or a bare count
  if (/^0\d{8,9}$/.test(token)) return true; // phone without separators
  return false;
}

export interface CaseReferenceOptions {
  /** True for a token that is one of our invoice numbers (those are not case references). */
  isInvoice?: (token: string) => boolean;
}

/** The reference of insolvency proceedings (court or administrator's file number). */
export function findCaseReference(text: string, options: CaseReferenceOptions = {}): string | null {
  const ok = (t: string) => !looksLikeOtherNumber(t) && /\d/.test(t) && !options.isInvoice?.(t);
  CASE_CUE.lastIndex = 0;
  for (const m of text.matchAll(CASE_CUE)) {
    // A cue inside a word ("rg" in "Bergstraße", "zaak" in "zaakvoerder") is none.
    const before = text[m.index! - 1] ?? " ";
    const after = text[m.index! + m[0].length] ?? " ";
    if (/[\p{L}\d]/u.test(before) || (/[\p{L}]/u.test(after) && !/\.$/.test(m[0]))) continue;
    let at = m.index! + m[0].length;
    at += text.slice(at).match(CASE_FILLER)![0].length;
    for (const re of CASE_TOKENS) {
      re.lastIndex = at;
      const t = re.exec(text);
      if (!t) continue;
      const token = t[0].replace(/[.-]+$/, "");
      const next = text.slice(at + t[0].length, at + t[0].length + 2);
      // The token must end where the number ends ("1.234" of "1.234,56 EUR" is no reference).
      if ((/^[\p{L}\d]/u.test(next) && !/[.-]$/.test(t[0])) || /^[.,]\d/.test(next)) continue;
      if (ok(token)) return token;
    }
  }
  for (const re of STANDALONE_CASE) {
    const m = text.match(re);
    if (m && ok(m[0])) return m[0];
  }
  return null;
}

// ─── Administrator ───────────────────────────────────────────────────────────

const TITLE = "(?:[Mm]r\\.?|[Mm]rs\\.?|[Mm]w\\.?|Ms\\.?|Dr\\.|Prof\\.|M[eª]|Ma[iî]tre|RAin|RA|Rechtsanw\\p{Ll}+|Advocaat|Avocat|Herr|Frau|Mme|M\\.)";
const PARTICLE = "(?:van|de|der|den|ter|ten|von|zu|le|la|du|des|di|da|dos|del)";
const WORD = "\\p{Lu}[\\p{L}'’-]*";
// One person: titles, given names or initials, particles, surname ("mr. J.P. de Vries", "Rechtsanwalt Dr. Max Mustermann").
const PERSON = `(?:${TITLE}[ \\t]+)*(?:${WORD}\\.?[ \\t]*){1,3}?(?:${PARTICLE}[ \\t]+){0,3}\\p{Lu}[\\p{L}'’-]+`;
// A French practice ("SELARL Morel & Vidal, mandataires judiciaires") keeps its professional title.
const FIRM = `(?:SELARL|SELAS|SELAFA|SELURL|SCP|AARPI|SCM)[ \\t]+${WORD}(?:[ \\t]*(?:&|et)[ \\t]*${WORD})*(?:,[ \\t]*(?:mandataires?|administrateurs?|liquidateurs?)[ \\t]+judiciaires?)?`;
// Two administrators are named together: "Jane Reid and John Pike", "mrs. H. Wuyts en K. Lauwers".
const NAMES = new RegExp(`(${FIRM}|${PERSON}(?:[ \\t]+(?:and|en|et|und|&)[ \\t]+(?:${TITLE}[ \\t]+)*${WORD}\\.?[ \\t]+(?:${PARTICLE}[ \\t]+){0,3}\\p{Lu}[\\p{L}'’-]+)?)`, "uy");

const ROLE =
  "(?:(?:joint |provisional |interim |official )?(?:administrators?|liquidators?|trustees?|receivers?)|insolvency practitioners?|curator(?:en|s)?|curateurs?|bewindvoerders?|vereffenaars?|gerechtsmandataris(?:sen)?|(?:mandataires?|administrateurs?|liquidateurs?)(?: judiciaires?| provisoires?| ad hoc)?|conciliateur|commissaire (?:à l['’]exécution du plan|au plan)|(?:vorläufige[rn]? )?(?:insolvenz|sach)?verwalter(?:in)?|treuhänder(?:in)?)";
const ADMIN_CUE = new RegExp(`(?<![\\p{L}])${ROLE}(?![\\p{L}])`, "giu");
const FILLER = /(?:[ \t]*(?:is|are|est|sont|ist|sind|wurde|wird|has been|have been|was|were|werd|is benoemd|benoemd|aangesteld|appointed|bestellt|ernannt|nommée?s?|désignée?s?|the|le|la|les|de heer|mevrouw|monsieur|madame|herr|frau|:|,|-|–)(?![\p{L}]))*[ \t]*/iuy;
// "mr. X is benoemd tot curator", "Me Y en qualité d'administrateur", "John Smith, as administrator", "I, Jane Doe, was appointed administrator".
const AFTER_NAME = new RegExp(
  `^(?:[ \\t]+(?:of|van|de|von)[ \\t]+(?:\\p{Lu}[\\p{L}&'’.-]*[ \\t]*){1,4})?,?[ \\t]*\\n?[ \\t]*(?:(?:is|werd|wurde|was|were|has been|have been|a été|ont été|heeft|hat)\\s+)?(?:(?:benoemd|aangesteld|appointed|désignée?s?|nommée?s?|bestellt|ernannt)\\s+)?(?:(?:tot|als|as|comme|en qualité d['’]|en tant qu['’]|in (?:zijn|haar) hoedanigheid van|zum|zur|q\\.q\\.)\\s*)?(?:(?!(?:ich|ik|je|i|wir|wij|we|nous)\\s)\\p{L}+\\s+){0,2}${ROLE}(?![\\p{L}])`,
  "iu",
);
const NOT_A_NAME = /^(?:van|de|der|in|of|the|le|la|des|du|het|een|die|das|ist|wird|has|heeft|en|et|und|and|bestellt|benoemd|for|pour|voor|für|to|from|with|by|on|at|our|your|notre|votre|onze|uw|unser|ihr|this|ce|cette|dit|deze|dieser)$/i;
/** Titles that mark a lawyer wherever the name stands ("Wenden Sie sich an Rechtsanwalt Dr. T. Engel"). */
const LAWYER = new RegExp(`(?<![\\p{L}])(?:mrs?\\.|M[eª]|Ma[iî]tre|RAin|RA|Rechtsanw\\p{Ll}+|Advocaat|Avocat)[ \\t]+(?=\\p{Lu})`, "gu");
/** A line under a name that says it is an insolvency practice or a law firm. */
const PRACTICE =
  /(?<![\p{L}])(?:advoca\p{L}*|avocats?|attorneys?|lawyers?|law(?: firm)?|solicitors?|rechtsanw\p{L}*|kanzlei|insolven\p{L}*|recovery|restructur\p{L}*|restrukturier\p{L}*|sanierung|liquidat\p{L}*|mandataires?|administrateurs? judiciaires?|étude|associés|partners|partnerschaft|llp|curator\p{L}*|curateurs?|notari\p{L}*|trustees?|practitioners?|bewindvoer\p{L}*|vereffen\p{L}*|treuhand\p{L}*)(?![\p{L}])/iu;

/** "Dear Sofie", "Beste Jan", "Sehr geehrte Frau …": a greeting, not the administrator. */
const GREETING = /^(?:dear|hi|hello|hey|beste|geachte|dag|hallo|goedemorgen|goedemiddag|bonjour|cher|chère|madame|monsieur|liebe|lieber|sehr|guten|servus|moin|grüezi)$/i;
/** "Viele Grüße", "Kind Regards", "Met Vriendelijke Groet": a closing formula. */
const CLOSING = /(?<![\p{L}])(?:grü(?:ß|ss)e|gru(?:ß|ss)|regards|wishes|groet(?:en|jes)?|salutations|cordialement|sincerely|faithfully|dank|thanks|merci|bedankt)(?![\p{L}])/iu;
/** A company, court or bank is no administrator ("Hoffmann Gastro Köln GmbH", "the High Court of Justice"). */
const NOT_A_PERSON =
  /(?<![\p{L}])(?:gmbh|ag|kg|ohg|ug|bv|b\.v\.|nv|n\.v\.|vzw|bvba|srl|sprl|sa|sas|sarl|sàrl|ltd|limited|plc|llc|inc|court|courts|tribunal|gericht|amtsgericht|landgericht|rechtbank|ondernemingsrechtbank|bank|banque|trust|district|justice|justitie)(?![\p{L}])/iu;

function namesAt(text: string, at: number): string | null {
  NAMES.lastIndex = at;
  const m = NAMES.exec(text);
  if (!m) return null;
  const name = m[1].replace(/\s+/g, " ").trim();
  const words = name.split(" ");
  if (words.length < 2 || NOT_A_NAME.test(words[words.length - 1]) || NOT_A_NAME.test(words[0]) || GREETING.test(words[0]) || CLOSING.test(name)) return null;
  // A practice's own name may hold a legal form ("Harcourt Recovery LLP", "SELARL …"); a person's may not.
  if (NOT_A_PERSON.test(name) && !new RegExp(`^${FIRM}$`, "u").test(name)) return null;
  return name;
}

/** "De curator in dit faillissement is …", "le liquidateur de la société est …": a short phrase between role and name. */
const ROLE_PHRASE = /^[ \t]+(?:in|dans|im|in der|for|pour|voor|of|van|de la|du|der|des)[ \t]+(?:[\p{L}'’&.-]+[ \t]+){0,5}?(?=(?:is|est|ist|was|wurde|:)(?![\p{L}]))/iu;

function afterCue(text: string): string | null {
  ADMIN_CUE.lastIndex = 0;
  for (const m of text.matchAll(ADMIN_CUE)) {
    const phrase = text.slice(m.index! + m[0].length).match(ROLE_PHRASE);
    const start = m.index! + m[0].length + (phrase ? phrase[0].length : 0);
    FILLER.lastIndex = start;
    const f = FILLER.exec(text);
    const name = namesAt(text, start + (f ? f[0].length : 0));
    if (name) return name;
  }
  return null;
}

function beforeCue(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    if (!/\p{Lu}|[mM]/u.test(text[i]) || (i > 0 && /[\p{L}\d.]/u.test(text[i - 1]))) continue;
    NAMES.lastIndex = i;
    const m = NAMES.exec(text);
    if (!m) continue;
    if (AFTER_NAME.test(text.slice(i + m[0].length, i + m[0].length + 90))) {
      const name = namesAt(text, i);
      if (name) return name;
    }
  }
  return null;
}

function lawyerNamed(text: string): string | null {
  LAWYER.lastIndex = 0;
  for (const m of text.matchAll(LAWYER)) {
    const name = namesAt(text, m.index!);
    if (name) return name;
  }
  return null;
}

/** The signer, when the signature says they are a lawyer or an insolvency practitioner. */
function practitionerSigning(block: string): string | null {
  const lines = block.split("\n").map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.length > 70 || /[\d@:]/.test(line)) continue;
    const name = namesAt(line, 0);
    if (!name) continue;
    // "Jan Peeters, curator": the name line states the role itself.
    const rest = line.slice(name.length).replace(/[,.]$/, "");
    if (rest && !new RegExp(`^[ \\t]*[,–-][ \\t]*(?:\\p{L}+[ \\t]+){0,2}${ROLE}$`, "iu").test(rest)) continue;
    if (rest) return name;
    const below = lines.slice(i + 1, i + 3).join(" ");
    if (new RegExp(`^${LAWYER.source}`, "u").test(line) || PRACTICE.test(below) || PRACTICE.test(line)) return name;
  }
  return null;
}

/**
 * The curator/administrator named in an insolvency notice: after a role word
 * ("curator mr. X", "Insolvenzverwalter: RA Y"), before one ("X is benoemd tot
 * curator", "Y en qualité de mandataire"), a lawyer's title anywhere, or the
 * signature when a practitioner writes the notice themselves.
 */
export function findAdministrator(text: string, signature = ""): string | null {
  const all = signature ? `${text}\n\n${signature}` : text;
  const named = afterCue(all) ?? beforeCue(all) ?? lawyerNamed(text);
  if (named) return named;
  // The signer's block: the last lines of the text (when no signature was split off) and the signature.
  const tail = text.split("\n").slice(-8).join("\n");
  return practitionerSigning(`${tail}\n${signature}`) ?? lawyerNamed(signature);
}
