/**
 * Fields about the debtor's details and about insolvency proceedings:
 * new e-mail, new address, PO number, VAT number, case reference,
 * administrator. Each looks for a cue word and reads what follows it.
 */

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** The address the sender asks us to use: after "send to / naar / à / an", not one of ours. */
export function findNewEmail(text: string, exclude: ReadonlyArray<string> = []): string | null {
  const ours = new Set(exclude.map((e) => e.toLowerCase()));
  const candidates = [...text.matchAll(EMAIL)].map((m) => ({ email: m[0].toLowerCase().replace(/\.$/, ""), index: m.index! })).filter((x) => !ours.has(x.email));
  if (!candidates.length) return null;
  const cue = /(?:new|nieuw\w*|nouvel\w*|neue\w*|send|sturen|naar|envoyer|à|an|to|via|adres|address|adresse|mailbox|contact)\W{0,40}$/i;
  return (candidates.find((x) => cue.test(text.slice(Math.max(0, x.index - 60), x.index))) ?? candidates[0]).email;
}

const ADDRESS_CUE = /(?:new (?:billing |invoice |postal |delivery )?address|our address (?:is|has changed)|(?:nieuw(?:e)?|gewijzigd(?:e)?) (?:factuur|post|vestigings|bezoek)?adres|nouvelle adresse(?: de facturation| postale)?|neue (?:rechnungs|post)?(?:adresse|anschrift)|moved to|verhuisd naar|déménagé au|umgezogen nach|(?:factuur|billing|rechnungs|facturation)\s?(?:adres|address|adresse))\s*(?:is|est|lautet|:|-)?\s*:?/i;
const STREET_NUMBER_FIRST = /^\d{1,5}[a-zA-Z]?\s+\p{L}[\p{L}'. -]+$/u;
const CITY_POSTCODE_UK = /^\p{L}[\p{L} .'-]+\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$/u;
const STREET = /\p{L}[\p{L}'.-]*(?:\s+\p{L}[\p{L}'.-]*)*\s+\d{1,5}\s?[a-zA-Z]?(?:[-/]\d+)?\b|\b\d{1,5},?\s+(?:rue|avenue|bd|boulevard|chemin|place|allée|impasse|route|quai)\b.+/iu;
const POSTCODE_CITY = /\b(?:\d{4}\s?[A-Z]{2}|[A-Z]{1,2}-?\d{4,5}|\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\s+\p{L}[\p{L}' .-]+/u;
const COUNTRY = /^(?:nederland|the netherlands|netherlands|belgië|belgique|belgium|belgien|france|frankrijk|frankreich|deutschland|duitsland|germany|allemagne|luxembourg|luxemburg|österreich|austria|schweiz|suisse|switzerland|united kingdom|uk)$/i;

/** A postal address stated after a "new address" cue, lines joined with ", ". */
export function findNewAddress(text: string): string | null {
  const m = ADDRESS_CUE.exec(text);
  if (!m) return null;
  const after = text.slice(m.index + m[0].length);
  // Same line ("… is Kerkstraat 12, 1234 AB Utrecht") or the lines below the cue.
  const lines = after.split("\n").map((l) => l.trim().replace(/[.;]$/, ""));
  const parts: string[] = [];
  for (const line of lines) {
    if (!line) {
      if (parts.length) break;
      continue;
    }
    const pieces = line.split(/\s*,\s*/);
    const addressy = pieces.every((p) => STREET.test(p) || STREET_NUMBER_FIRST.test(p) || CITY_POSTCODE_UK.test(p) || POSTCODE_CITY.test(p) || COUNTRY.test(p) || /^(?:t\.?a\.?v\.?|attn\.?|z\.?h\.?d\.?|à l'attention de)\b/i.test(p) || (parts.length === 0 && /^\p{Lu}[\p{L}&.' -]{2,60}$/u.test(p) && /\b(?:bv|b\.v\.|nv|n\.v\.|sa|sarl|sas|gmbh|ag|ltd|llc|vof|bvba|srl)\b/i.test(p)));
    if (!addressy) break;
    parts.push(...pieces);
    if (parts.length >= 5) break;
  }
  return parts.some((p) => STREET.test(p) || STREET_NUMBER_FIRST.test(p) || POSTCODE_CITY.test(p) || CITY_POSTCODE_UK.test(p)) ? parts.join(", ") : null;
}

const PO_CUE = /(?:\bpo\b|p\.o\.|purchase order|inkooporder|inkoopnummer|ordernummer|bestelnummer|bestelbon|bon de commande|numéro de commande|n° de commande|commande|bestellnummer|bestellung|auftragsnummer)\s*(?:n[°ºo]\.?|nr\.?|number|nummer|#)?\s*[:.#]?\s*/gi;

/** A purchase order number the sender gives or requires ("PO 4500012345", "bestelnummer: BN-2024-17"). */
export function findPoNumber(text: string): string | null {
  for (const m of text.matchAll(PO_CUE)) {
    const rest = text.slice(m.index! + m[0].length);
    const t = rest.match(/^([A-Z0-9][A-Z0-9/_.-]{2,29})(?![\p{L}\d])/iu);
    if (t && /\d{3,}/.test(t[1].replace(/\D/g, "")) && /\d/.test(t[1])) return t[1].replace(/[.]$/, "");
  }
  return null;
}

// Country prefix, then the national digits in any grouping ("NL 0012.34567 B01", "DE 123 456 789", "BE 0123.456.789").
const D = (n: number) => `(?:\\d[\\s.]?){${n - 1}}\\d`;
const VAT = new RegExp(
  `\\b(?:BE\\s?${D(10)}|BE\\s?${D(9)}|NL\\s?${D(9)}\\s?B\\s?\\d{2}|FR\\s?[0-9A-Z]{2}\\s?${D(9)}|DE\\s?${D(9)}|LU\\s?${D(8)}|ATU\\s?${D(8)}|IT\\s?${D(11)}|ES\\s?[0-9A-Z]${D(7)}[0-9A-Z]|GB\\s?${D(9)}(?:\\s?\\d{3})?|CHE[-\\s]?${D(9)}(?:\\s?(?:MWST|TVA|IVA))?)(?![\\d])`,
  "gi",
);

/** A VAT identification number in any EU spelling, normalised without spaces and dots. */
export function findVatNumber(text: string): string | null {
  const m = text.match(VAT);
  return m ? m[0].toUpperCase().replace(/\s?(MWST|TVA|IVA)$/, "").replace(/[\s.]/g, "") : null;
}

const CASE_CUE = /(?:case (?:number|no\.?|reference)|court reference|insolvency number|zaaknummer|insolventienummer|faillissementsnummer|rolnummer|dossiernummer|kenmerk|numéro (?:de )?(?:dossier|rg|procédure|registre)|n° rg|rg n°|aktenzeichen|az\.|geschäftszeichen)\s*[:.#]?\s*/gi;
// Court references look like "F.13/24/123", "C/13/745000 / FT RK 24/123", "36 IN 123/24", "RG 24/01234", "2024/123".
const CASE_TOKEN = /^((?:[A-Z]{1,3}[. ]?)?\d{1,4}(?:\s?[A-Z]{1,3}\s?\d{1,6})?(?:[/.-]\s?\d{1,6}){1,3}(?:\s?[A-Z]{1,3})?|[A-Z]{1,4}[-/ ]?\d{2,}(?:[-/]\d+)*)/i;

/** The reference of insolvency proceedings (court or administrator's file number). */
export function findCaseReference(text: string): string | null {
  for (const m of text.matchAll(CASE_CUE)) {
    const t = text.slice(m.index! + m[0].length).match(CASE_TOKEN);
    if (t && /\d/.test(t[1])) return t[1].trim();
  }
  // Dutch insolvency numbers are recognisable on their own.
  return text.match(/\b[FSR]\.\d{2}\/\d{2}\/\d{1,5}\b/)?.[0] ?? null;
}

// Names are matched case-sensitively (capitalised words); the cue words around them are not.
const NAME = /((?:(?:[Mm]r\.?|[Dd]r\.|[Pp]rof\.|M[eª]|[Mm]a[iî]tre|RA|Rechtsanw\p{Ll}+)\s+)*(?:\p{Lu}[\p{L}'-]*\.?\s*){1,4}?(?:(?:van|de|der|den|ter|ten|von|zu|le|la|du|des|di)\s+){0,3}\p{Lu}[\p{L}'-]+(?:-\p{Lu}[\p{L}'-]+)?)/uy;
const ADMIN_CUE = /(?:curator(?:en)?|bewindvoerder|vereffenaar|(?:joint )?administrators?|liquidators?|trustee|receiver|mandataire judiciaire|liquidateur(?: judiciaire)?|administrateur judiciaire|curateur|(?:vorläufige[rn]? )?insolvenzverwalter(?:in)?|sachwalter(?:in)?)/giu;
const FILLER = /\s*(?:(?:is|est|ist|wurde|wird|are|has been|was|werd|benoemd|aangesteld|appointed|bestellt|ernannt|nommée?|désignée?|:|,|-|de heer|mevrouw|monsieur|madame|herr|frau)\s*)*/iuy;
const BEFORE_CUE = /,?\s+(?:is\s+)?(?:in (?:zijn|haar) hoedanigheid van curator|q\.q\.|(?:benoemd|aangesteld) tot (?:curator|bewindvoerder)|als curator|as (?:joint )?(?:administrator|liquidator)|en qualité de (?:mandataire|liquidateur)|als (?:vorläufiger )?insolvenzverwalter|zum (?:vorläufigen )?insolvenzverwalter)/iu;
const NOT_A_NAME = /^(?:van|de|der|in|of|the|le|la|des|du|het|een|die|das|ist|wird|has|heeft|en|et|und|and|bestellt|benoemd)$/i;

function nameAt(text: string, at: number): string | null {
  FILLER.lastIndex = at;
  const f = FILLER.exec(text);
  NAME.lastIndex = f ? at + f[0].length : at;
  const m = NAME.exec(text);
  if (!m) return null;
  const name = m[1].replace(/\s+/g, " ").trim();
  const words = name.split(" ");
  return words.length >= 2 && !NOT_A_NAME.test(words[words.length - 1]) ? name : null;
}

/** The curator/administrator named in an insolvency notice. */
export function findAdministrator(text: string): string | null {
  for (const m of text.matchAll(ADMIN_CUE)) {
    const name = nameAt(text, m.index! + m[0].length);
    if (name) return name;
  }
  // "mr. J.P. de Vries is benoemd tot curator", "John Smith, as administrator".
  for (let i = 0; i < text.length; i++) {
    if (!(/\p{Lu}/u.test(text[i]) || /^(?:mr\.?|dr\.|prof\.)\s/.test(text.slice(i, i + 6))) || (i > 0 && /[\p{L}]/u.test(text[i - 1]))) continue;
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (m && BEFORE_CUE.test(text.slice(i + m[0].length, i + m[0].length + 60)) && new RegExp(`^${BEFORE_CUE.source}`, "iu").test(text.slice(i + m[0].length))) {
      const name = m[1].trim();
      if (name.split(" ").length >= 2) return name;
    }
  }
  return null;
}
