/**
 * Signatures: what follows a "-- " delimiter, a mobile client's "Sent from
 * my iPhone", a closing formula ("Kind regards", "Met vriendelijke groet",
 * "Cordialement", "Mit freundlichen Grüßen") with the name/contact block
 * under it, a trailing contact block (phones, VAT numbers, addresses), or a
 * confidentiality disclaimer.
 */

const DELIMITER = /^(?:--\s*|—+\s*|–\s*|_{2,}\s*)$/;
/** "-Abhishek Kona": a dash and a name on its own line. */
const DASH_NAME = /^[-–—]\s?\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$/u;

const MOBILE =
  /^(?:sent from (?:my |the )?(?:\w+ ){0,4}(?:iphone|ipad|ipod|blackberry|android|samsung|galaxy|huawei|xiaomi|mobile(?: device)?|phone|smartphone|tablet|windows(?: phone)?|wiko|nokia|pixel|oneplus|verizon[\w ]*|outlook[\w ]*|mail for windows[\w ]*|yahoo mail[\w ]*|aol[\w ]*|typeapp|protonmail[\w ]*|gmail[\w ]*|blue mail[\w ]*|\w+ \d\w*)|sent with \w+|get outlook for (?:ios|android)|envoyé (?:de|depuis|à partir de) (?:mon |ma |l['’])?\S+(?: \S+){0,4}|envoyé avec \S+|verzonden (?:vanaf|van|met) (?:mijn )?\S+(?: \S+){0,3}|verstuurd (?:vanaf|van|met) (?:mijn )?\S+(?: \S+){0,3}|von meinem \S+(?: \S+){0,3} gesendet|gesendet (?:von|mit) (?:meinem |meiner )?\S+(?: \S+){0,4}|inviato da \S+(?: \S+){0,3}|enviado (?:desde|do) (?:mi |meu )?\S+(?: \S+){0,3}|wysłane z \S+(?: \S+){0,3})\s*(?:<[^>]*>|\(\S*\))?\s*\.?$/i;

const CLOSING =
  /^(?:(?:kind|best|warm|warmest|many|with kind|with best|kindest)\s+regards|regards|best|best wishes|cheers|sincerely|yours sincerely|yours faithfully|yours truly|thanks (?:and|&) regards|thank you and regards|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|met hartelijke groet(?:en)?|hartelijke groet(?:en)?|met groet(?:en)?|groet(?:en|jes)?|mvg|m\.v\.g\.?|cordialement|bien cordialement|très cordialement|cdlt|salutations(?: distinguées)?|meilleures salutations|sincères salutations|bien à vous|bonne (?:journée|fin de journée)|mit freundlichen grü(?:ß|ss)en|freundliche grü(?:ß|ss)e|viele grü(?:ß|ss)e|beste grü(?:ß|ss)e|liebe grü(?:ß|ss)e|herzliche grü(?:ß|ss)e|schöne grü(?:ß|ss)e|mfg|lg|vg|gru(?:ß|ss)|grü(?:ß|ss)e|cordiali saluti|distinti saluti|saluti|un saludo|saludos(?: cordiales)?|atentamente|atenciosamente|cumprimentos|pozdrawiam|med vänlig hälsning|venlig hilsen|med vennlig hilsen|ystävällisin terveisin)\s*[,.!]*\s*$/i;

const CONTACT =
  /(?:(?:\+|00)\d[\d\s().\/-]{7,}|\b(?:tel|tél|phone|mob|mobile|gsm|fax|cell|t|m|f)\b\.?\s*[:.]?\s*\(?\+?\d[\d\s().\/-]{5,}|\S+@\S+\.\w+|https?:\/\/|www\.|\b(?:btw|vat|tva|ust-?id(?:nr)?|kvk|siret|siren|iban|bic|rpr|rcs|hrb|kbo|ondernemingsnummer|numéro d['’]entreprise)\b|\b\d{4}\s?[A-Z]{2}\b|\b(?:[A-Z]-)?\d{4,5}\s+[A-Z][\p{L}-]+)/iu;

const DISCLAIMER =
  /^(?:disclaimer\b|confidentiality notice|this (?:e-?mail|message|communication)(?: and any (?:files|attachments?)[^.]*)? (?:is|are|may be|contains?) (?:strictly )?(?:confidential|privileged|intended)|the information (?:contained )?in this (?:e-?mail|message)|the content(?:s)? of this (?:e-?mail|message)(?: and any attachments?)? (?:is|are) (?:strictly )?(?:confidential|private)|ce (?:message|courriel|mail|e-mail)(?: et (?:toutes )?(?:les |ses )?pièces jointes)? (?:est|sont) (?:strictement )?confidenti|les informations contenues dans ce|de informatie (?:verzonden )?in dit (?:e-?mail)?bericht|dit (?:e-?mail)?bericht (?:is|kan) vertrouwelijk|diese (?:e-?mail|nachricht) (?:enthält|ist|kann) vertraulich|please consider the environment|denk aan het milieu|pensez à l['’]environnement|bitte denken sie an die umwelt)/i;

export interface SignatureSplit {
  body: string;
  signature: string;
  /** Text after a mobile signature line: an unquoted copy of the previous message, not signature. */
  rest: string;
}

const isBlank = (l: string) => !l.trim();

/**
 * A row of a remittance or invoice table ("VF-2024-00771 09-11-2024 3.221,00",
 * "Totaal 4.796,38"): its long digit runs look like phone numbers, but it is
 * what the mail is about, never a signature.
 */
const TABLE_ROW = /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s.*\d[.,]\d{2}(?!\d)|^(?:total\p{L}*|totaal|summe|somme|montant|bedrag|betrag|amount)(?![\p{L}]).*\d[.,]\d{2}(?!\d)/iu;

/** A line of running text rather than a signature line: several lower-case words. */
const prose = (l: string) => (l.match(/(?<![\p{L}@.])\p{Ll}{3,}(?![\p{L}@.])/gu) ?? []).length >= 4;

function contactBlockStart(lines: string[]): number | null {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1])) end--;
  let start = end;
  let contacts = 0;
  let total = 0;
  while (start > 0) {
    let p = start;
    while (p > 0 && isBlank(lines[p - 1])) p--;
    let q = p;
    while (q > 0 && !isBlank(lines[q - 1])) q--;
    const para = lines.slice(q, p).map((l) => l.trim());
    if (!para.length || para.length > 10 || para.some((l) => l.length > 100 || prose(l) || TABLE_ROW.test(l))) break;
    const c = para.filter((l) => CONTACT.test(l) || /^\[(?:image|cid)[^\]]*\]$/i.test(l)).length;
    if (c * 2 < para.length) break;
    contacts += c;
    total += para.length;
    start = q;
  }
  if (start >= end || contacts < 2) return null;
  // A short "Name / Title" paragraph right above the contact lines is part of it.
  let p = start;
  while (p > 0 && isBlank(lines[p - 1])) p--;
  let q = p;
  while (q > 0 && !isBlank(lines[q - 1])) q--;
  const above = lines.slice(q, p).map((l) => l.trim());
  if (q < p && above.length <= 3 && above.every((l) => l.length <= 60 && !prose(l) && !/[.?!:]$/.test(l) && !/^(?:[-•·]\s|\d+[.)]\s)/.test(l)) && q > 0) start = q;
  return total ? start : null;
}

/** Split the sender's own text into body and signature. */
export function splitSignature(text: string): SignatureSplit {
  const lines = text.split("\n");
  let cut = lines.length;
  const take = (i: number) => {
    if (i < cut && lines.slice(0, i).some((l) => !isBlank(l))) cut = i;
  };
  // The last ~25 lines hold any signature; an early "--" is more likely content (lists, code).
  const from = Math.max(0, lines.length - 25);
  let mobileAt = -1;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i].trim();
    // Long underscore rules are mailing-list footers: only near the end.
    if (DELIMITER.test(l) && (!/^_{4,}$/.test(l) || lines.slice(i + 1).filter((x) => !isBlank(x)).length <= 8)) {
      let at = i;
      // "-Name" just above the delimiter belongs to the signature.
      let j = i - 1;
      while (j >= 0 && isBlank(lines[j])) j--;
      if (j >= 0 && DASH_NAME.test(lines[j].trim())) at = j;
      take(at);
      break;
    }
  }
  for (let i = from; i < lines.length; i++) {
    const l = lines[i].trim();
    const restIsSmall = lines.slice(i + 1).filter((x) => !isBlank(x)).length <= 15;
    const bare = l.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
    if (MOBILE.test(bare) && bare.length < 90) {
      if (restIsSmall || lines.slice(0, i).some((x) => !isBlank(x))) take(i);
      mobileAt = i;
      break;
    }
  }
  for (let i = from; i < lines.length; i++) {
    const l = lines[i].trim();
    if (!CLOSING.test(l)) continue;
    const rest = lines.slice(i + 1).filter((x) => !isBlank(x));
    if (rest.length <= 15 && rest.every((x) => x.trim().length <= 120)) {
      take(i);
      break;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (DISCLAIMER.test(lines[i].trim())) {
      take(i);
      break;
    }
  }
  // Trailing paragraphs of contact details (name | title, phones, address, VAT, IBAN, logo).
  const block = contactBlockStart(lines.slice(0, cut));
  if (block !== null) take(block);
  // "Sent from my phone" followed by a blank line and more text: that text is the message replied to.
  let end = lines.length;
  if (mobileAt >= cut && mobileAt + 1 < lines.length && isBlank(lines[mobileAt + 1]) && lines.slice(mobileAt + 1).some((x) => !isBlank(x))) end = mobileAt + 1;
  return {
    body: lines.slice(0, cut).join("\n").replace(/\s+$/, ""),
    signature: lines.slice(cut, end).join("\n").trim(),
    rest: lines.slice(end).join("\n").trim(),
  };
}
