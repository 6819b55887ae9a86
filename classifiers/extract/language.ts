import { francAll } from "franc-min";

/** franc's ISO 639-3 codes we accept, and their ISO 639-1 names. Others are noise for business mail. */
const ISO1: Record<string, string> = {
  nld: "nl", fra: "fr", deu: "de", eng: "en", ita: "it", spa: "es", por: "pt", pol: "pl", swe: "sv",
  ces: "cs", hun: "hu", tur: "tr", ron: "ro", rus: "ru", ukr: "uk", bul: "bg", hrv: "hr",
};

// Function words and AR vocabulary, written for this purpose. A word in several lists votes for each, split.
const STOP: Record<string, string> = {
  it: "il lo la gli le di del della delle che e è per con non un una grazie buongiorno cordiali saluti fattura fatture pagamento pagheremo abbiamo siamo sono questa questo domani ieri oggi mille ci vi allegato distinti",
  es: "el la los las de del que y es en por para con no un una gracias buenos días saludos factura facturas pago pagaremos hemos somos esta este mañana ayer hoy su nuestro adjunto atentamente estimado",
  pt: "o a os as de do da que e é em por para com não um uma obrigado obrigada bom dia cumprimentos fatura faturas pagamento pagaremos amanhã ontem hoje anexo atenciosamente prezado",
  nl: "de het een en van ik je jij wij we u uw is niet dat die op met voor zijn hebben heeft hebt heb wordt worden ook maar nog bij naar om te er als dit deze wel kunt graag bedankt dank groet groeten vriendelijke factuur facturen betalen betaald betaling hierbij bijlage volgende geen ben zal zullen kan kunnen onze ons jullie mijn hoe wat wanneer waar goedemorgen goedemiddag beste geachte mvg afwezig tot vanaf omdat dus alstublieft aub mee zou moet even nu gaan welke vragen bericht mail",
  fr: "le la les un une des du de et est je nous vous il elle ne pas que qui pour dans sur avec par au aux ce cette ces sont avons avez être avoir merci bonjour cordialement madame monsieur facture factures paiement payé règlement réglé votre vos notre nos mon ma mes sera serai sommes êtes mais aussi très bien plus chez voici ci-joint veuillez pouvez pourriez salutations bonne journée semaine mois fin suis ai été jusqu retour où quand comment si ceci cela montant virement",
  de: "der die das den dem des ein eine einen und ist nicht ich wir sie es mit für auf zu von im in bei wird werden haben hat sind bin auch aber noch nach bitte danke vielen dank grüße gruß freundlichen sehr geehrte geehrter damen herren hallo rechnung rechnungen zahlung bezahlt überweisung unsere unser ihre ihr ihnen uns mir mich dass oder wenn wie was wann kann können würden möchten heute morgen gestern woche monat ende anbei beigefügt bis ab wieder leider betrag zum zur",
  en: "the a an and is are was were be been not i we you it they of to in on for with at by from this that these have has had will would can could please thanks thank regards kind best dear hi hello invoice invoices payment paid pay our your my me us as if but or so do does did which what when where how there here attached find let know week month today tomorrow yesterday until back sincerely amount",
};
const VOTES = new Map<string, string[]>();
for (const lang of Object.keys(STOP)) for (const w of STOP[lang].split(" ")) VOTES.set(w, [...(VOTES.get(w) ?? []), lang]);

export interface LanguageGuess {
  language: string | null;
  confidence: number;
  scores: Record<string, number>;
}

/** The text without what carries no language: URLs, addresses, numbers, reference codes. */
function clean(text: string): string {
  return text
    .replace(/https?:\/\/\S+|www\.\S+/gi, " ")
    .replace(/\S+@\S+/g, " ")
    .replace(/[\p{L}]*\d[\p{L}\d./-]*/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Language of the sender's own text: nl, fr, de, en, another ISO 639-1 code,
 * or null. franc-min is reliable on long text; short texts ("Betaald,
 * bedankt") are decided by a stop-word vote, and for mixed text the language
 * with most words wins.
 */
export function detectLanguageDetailed(text: string | null | undefined): LanguageGuess {
  const t = clean(text ?? "");
  const words = t.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const scores: Record<string, number> = {};
  if (!words.length) return { language: null, confidence: 0, scores };
  const votes: Record<string, number> = Object.fromEntries(Object.keys(STOP).map((l) => [l, 0]));
  for (const w of words) {
    const langs = VOTES.get(w.replace(/^['’-]+|['’-]+$/g, ""));
    if (langs) for (const l of langs) votes[l] += 1 / langs.length;
  }
  const totalVotes = Object.values(votes).reduce((a, b) => a + b, 0);
  const letters = t.replace(/[^\p{L}]/gu, "").length;
  // franc's weight grows with length: it is noise under ~50 letters.
  const francWeight = letters < 25 ? 0 : Math.min(0.6, letters / 400);
  const franc: Record<string, number> = {};
  if (francWeight > 0) {
    for (const [code, score] of francAll(t, { only: Object.keys(ISO1), minLength: 10 })) {
      if (ISO1[code]) franc[ISO1[code]] = score;
    }
  }
  for (const l of new Set([...Object.keys(STOP), ...Object.keys(franc)])) {
    const share = totalVotes ? (votes[l] ?? 0) / totalVotes : 0;
    scores[l] = (1 - francWeight) * share + francWeight * (franc[l] ?? 0);
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] <= 0) return { language: null, confidence: 0, scores };
  // One stop word is no evidence ("ok", "Merci!" is; "a" is not).
  if (francWeight === 0 && totalVotes < 1) return { language: null, confidence: 0, scores };
  const margin = best[1] - (second?.[1] ?? 0);
  return { language: best[0], confidence: Math.max(0.3, Math.min(0.99, 0.5 + margin)), scores };
}

// The pipeline asks about the same text several times (features, fields,
// the decision); franc is the costly part, so recent answers are remembered.
const recent = new Map<string, string | null>();

export function detectLanguage(text: string | null | undefined): string | null {
  const key = text ?? "";
  if (recent.has(key)) return recent.get(key)!;
  const language = detectLanguageDetailed(text).language;
  if (recent.size >= 64) recent.delete(recent.keys().next().value!);
  recent.set(key, language);
  return language;
}
