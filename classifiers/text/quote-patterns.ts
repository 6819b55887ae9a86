/**
 * How mail clients introduce quoted or forwarded text, in the languages of
 * our users and the ones real clients ship. Matched on single lines or on a
 * few lines joined (clients wrap long "On … wrote:" headers).
 */

/** "On … wrote:" and its translations; the joined header must also carry a digit or an address. */
export const REPLY_HEADERS: RegExp[] = [
  /^(?:-+\s*)?on\b.{4,300}?\b(?:wrote|writes|sent)\b\s*:?\s*(?:-+)?$/i,
  /^op\b.{4,300}?\b(?:schreef|geschreven|het volgende geschreven)\b.{0,200}:\s*$/i,
  /^op\b.{4,300}?\bschreef\b.{0,200}$/i,
  /^le\b.{4,300}?\ba écrit\s*:?\s*$/i,
  /^am\b.{4,300}?\b(?:schrieb|geschrieben)\b.{0,200}:?\s*$/i,
  /^el\b.{4,300}?\bescribió\s*:?\s*$/i,
  /^em\b.{4,300}?\bescreveu\s*:?\s*$/i,
  /^(?:il|in data)\b.{4,300}?\bha scritto\s*:?\s*$/i,
  /^(?:w dniu|dnia)\b.{4,300}?\bnapisał(?:\(a\)|a)?\s*:?\s*$/i,
  /^.{4,300}?(?<![\p{L}])(?:skrev|kirjoitti|írta|napsal|napísal|пишет|написал|написала|yazdı|a scris|je napisao|kirjutas|schreef|escribió|escreveu|ha scritto|a écrit|wrote)(?![\p{L}]).{0,120}:\s*$/iu,
];

/** A header that is only a date and an address ending in ":" ("30.09.2017, 18.30, "John" <j@x>:"). */
export const DATE_ADDRESS_HEADER = /^(?=.*\d{1,4}[./:-]\d{1,2}|.*\b\d{1,2}\s+\p{L}{3,})(?=.*(?:<[^<>\s]+@[^<>\s]+>|\b[^\s<>()]+@[^\s<>()]+\b)).{8,250}:\s*$/iu;

const FORWARD_WORDS = [
  "forwarded message", "forwarded e-?mail", "begin forwarded message", "message transféré", "message transmis", "message réexpédié", "début du message réexpédié",
  "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht", "doorgestuurd bericht", "doorgestuurde bericht", "begin doorgestuurd bericht",
  "mensaje reenviado", "inicio del mensaje reenviado", "messaggio inoltrato", "inizio messaggio inoltrato", "mensagem (?:re)?encaminhada", "início da mensagem (?:re)?encaminhada",
  "wiadomość przesłana dalej", "przekazana wiadomość", "treść przekazanej wiadomości", "początek przekazywanej wiadomości", "přeposlaná zpráva", "začátek přeposílané zprávy",
  "preposlaná správa", "začiatok preposlanej správy", "videresendt (?:meddelelse|besked|melding|e-post)", "start på videresendt besked", "vidarebefordrat (?:meddelande|mejl)",
  "edelleenlähetetty viesti", "välitetty viesti(?: alkaa)?", "továbbított (?:üzenet|levél kezdete)", "mesaj redirecționat", "începe mesajul redirecționat", "proslijeđena poruka",
  "započni proslijeđenu poruku", "[iİ]letilen [iİ]leti", "[iİ]letilmiş mesaj", "[iİ]leti başlangıcı", "пересылаемое сообщение", "перенаправленное сообщение", "начало переадресованного сообщения",
  "переслане повідомлення", "перенаправлене повідомлення", "початок листа, що пересилається", "メッセージを転送", "転送されたメッセージ", "edasi saadetud kiri",
];
const ORIGINAL_WORDS = [
  "original message", "original e-?mail", "message d['’]origine", "message original", "ursprüngliche nachricht", "originalnachricht", "oorspronkelijk bericht", "origineel bericht",
  "mensaje original", "messaggio originale", "mensagem original", "wiadomość oryginalna", "původní zpráva", "pôvodná správa", "oprindelig (?:besked|meddelelse)",
  "opprinnelig melding", "ursprungligt meddelande", "alkuperäinen viesti", "eredeti üzenet", "mesaj original", "izvorna poruka", "özgün ileti", "исходное сообщение", "оригинальное сообщение",
];

// Either framed by rule characters ("----- X -----", Yahoo puts the header fields on the same line)
// or introduced with a colon ("Begin forwarded message:"), so a sentence starting with the words is not taken.
const sepLine = (words: string[]) =>
  new RegExp(`^\\s*(?:>\\s*)*(?:[-=_*]{2,}\\s*(?:${words.join("|")})(?:\\s*/\\s*[\\p{L}. ]+)?\\s*[-=_*]*(?:\\s.*)?|(?:${words.join("|")})\\s*:\\s*)$`, "iu");

/** "---------- Forwarded message ---------", "> Begin forwarded message:", "----- Doorgestuurd bericht ----- Van: …" */
export const FORWARD_SEPARATOR = sepLine(FORWARD_WORDS);
/** "-----Original Message-----", "-------- Message d'origine --------" */
export const ORIGINAL_SEPARATOR = sepLine(ORIGINAL_WORDS);

/** Header field labels of quoted header blocks (Outlook, Thunderbird, Apple Mail, webmails). */
const FROM = "from|de|de la|van|von|da|fra|från|od|lähettäjä|feladó|від|від кого|от|отправитель|kimden|expeditorul|expéditeur|šalje|saatja|gönderen|mittente|nadawca|afzender|absender|remitente|送信元|差出人";
const DATE = "sent|date|envoyé|envoyé le|date d'envoi|verzonden|verstuurd|gesendet|datum|inviato|data|enviado|enviada|fecha|sendt|dato|skickat|lähetetty|päivämäärä|päiväys|elküldve|dátum|dátum:|odesláno|odoslané|wysłano|отправлено|дата|gönderildi|tarih|trimis|dată|poslano|日付|message du";
const TO = "to|à|a|pour|aan|an|para|til|till|do|komu|pre|adresat|vastaanottaja|címzett|кому|kime|către|destinatarul|prima|za|宛先|送信先|destinataire|empfänger|ontvanger";
const SUBJECT = "subject|objet|sujet|onderwerp|betreff|oggetto|asunto|assunto|emne|ämne|temat|předmět|predmet|aihe|tárgy|тема|konu|subiect|subiectul|naslov|件名";
const CC = "cc|bcc|kopie|kopie \\(cc\\)|copie à|copie|kopi|kopia|kopio|másolat|másolatot kap|копия|копія|bilgi|dw|kópia|reply-to|répondre à|antwoord aan|antwort an|responder a|rispondi a";
const field = (labels: string) => new RegExp(`^\\s*(?:>\\s*)*\\*?(?:${labels})\\*?\\s*[:：]`, "iu");
export const FIELD = { from: field(FROM), date: field(DATE), to: field(TO), subject: field(SUBJECT), cc: field(CC) };
export const ANY_FIELD = field([FROM, DATE, TO, SUBJECT, CC].join("|"));
/** Outlook's one-line variant: "From: X Sent: Y To: Z Subject: W". */
export const ONE_LINE_HEADER = new RegExp(`^\\s*\\*?(?:${FROM})\\*?\\s*:.{3,}\\b(?:${DATE})\\*?\\s*:.+\\b(?:${SUBJECT}|${TO})\\*?\\s*:`, "iu");

/** A line of separator characters only: "________________________________", "====", "------------------------------". */
export const RULE_LINE = /^\s*(?:[-_=*—–]\s*){2,}$/;

/** Subject prefixes of forwards. */
export const FORWARD_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|tr|wg|doorst|rv|vs|vl|i|pd|enc|videresend|vb|redir\.?|[iİ]lt|trs|fs)\s*:/iu;
