/** Shapes of the hand-written phrase banks (one file per language). */
export type Lang = "nl" | "fr" | "de" | "en";
export const LANGS: Lang[] = ["nl", "fr", "de", "en"];

export type Reason = "price" | "quantity" | "not_received" | "damaged" | "service" | "duplicate" | "wrong_entity" | "other";
export type Doc = "invoice" | "credit_note" | "statement" | "delivery_proof";

/**
 * Templates are plain strings with slots; the slots decide the label:
 *   {inv} one invoice as a noun phrase ("factuur VF-2024-00512"), {inv_dat} the same in the
 *   German dative ("der Rechnung …"), {invno} the bare number,
 *   {invs} two or more invoices; these are the invoices the sender means.
 *   {amt} the amount (→ `amount` for promise/notice/dispute/plan), {fdate} → promisedDate,
 *   {pdate} → paidDate, {n} → instalments, {email} → newEmail, {addr} → newAddress,
 *   {po} → poNumber, {vat} → vatNumber, {case} → caseReference, {admin} → administrator,
 *   {rdate} → returnDate.
 *   Context slots, no field: {company} debtor name, {cust} our account number of the
 *   debtor, {ord} an order number, {dn} a delivery note number, {quote} a quote number,
 *   {ticket} a ticket number, {court} a court, {colleague}/{colleagueEmail} a stand-in,
 *   {first} the sender's first name.
 *   {fdate_bare}/{pdate_bare}/{ldate_bare} are absolute dates without preposition; {ldate_bare} is a
 *   later date that is no field (plan requests); {part} a partial amount (→ `amount`);
 *   {cn} a credit note; {invno2} a second invoice; {udate} last day away (→ returnDate = next
 *   working day); {addrLines} a multi-line address.
 * A leading "[pdf]" marks a text that refers to an attached remittance/proof PDF; "[self]" an
 * insolvency notice in the debtor's own voice (others come from a curator / administrator).
 * Index i with i % 4 === 3 in every list is reserved for the test split.
 */
export type Template = string;

export interface OtherMail {
  /**
   * spam/newsletter/phishing/recruiter/factoring come from strangers (debtor null); customer mail
   * (greetings, invitations, quote requests, questionnaires, closures, their own newsletter) from the debtor.
   */
  kind: "spam" | "newsletter" | "phishing" | "recruiter" | "factoring" | "customer";
  /** Display name and address of a stranger; customers' mail comes from the debtor. */
  from?: [string, string];
  subject: string;
  body: string;
}

/** Intents a subject line alone can carry ("see subject" mails). */
export type SubjectKey = "promise" | "notice" | "dispute" | "document" | "plan" | "account" | "question";

export interface PhraseBank {
  promise: Template[];
  notice: Template[];
  dispute: Array<[Reason, Template]>;
  document: Array<[Doc, Template]>;
  plan: Template[];
  account: Template[];
  question: Template[];
  /** Written by a curator / administrator / court about the debtor {company}. */
  insolvency: Template[];
  /** Out-of-office and similar automatic texts. */
  autoReply: Template[];
  other: OtherMail[];
  /** Subjects of new mails that say nothing of the intent ("Invoice {invno}", "{company}"), for any intent. */
  neutralSubjects?: Template[];
  /** Subjects for new (non-reply) mails, per intent. */
  subjects: Record<"promise" | "notice" | "dispute" | "document" | "plan" | "account" | "question" | "insolvency", Template[]>;
  /** Whole requests written in the subject line; the body only says "see subject". Tag as in dispute/document. */
  subjectOnly: Array<[SubjectKey, Reason | Doc | null, Template]>;
  /** "zie onderwerp", "voir objet": the body of a subject-only mail. */
  seeSubject: string[];
  /** One-line notes of one of OUR colleagues handing a customer's mail over to the AR mailbox (no intent). */
  handover: string[];
  /** One-line notes of a customer's employee passing on a colleague's mail (no intent). */
  passOn: string[];
  /** "See my answers below": opener of an inline reply. */
  inlineIntro: string[];
  greetings: string[];
  closings: string[];
  /** "On behalf of our client {company}" — accountants and group service centres. */
  onBehalf: Template[];
  /** Neutral sentences that carry no intent: apologies, thanks. */
  fillers: string[];
  mobile: string[];
  /** Localised auto-reply subject prefixes. */
  autoSubjects: string[];
  /** Words used in signatures: phone, VAT, company register. */
  sig: { phone: string; vat: string; reg: string; mobile: string };
}

/** Lists of `extra` appended after the bank's own: earlier entries keep their index, so their split does not move. */
export function appendBank(bank: PhraseBank, extra: Partial<Pick<PhraseBank, "promise" | "notice" | "dispute" | "document" | "plan" | "account" | "question" | "other" | "neutralSubjects">>): PhraseBank {
  const out: PhraseBank = { ...bank };
  for (const key of Object.keys(extra) as Array<keyof typeof extra>) {
    (out[key] as unknown[]) = [...((bank[key] as unknown[] | undefined) ?? []), ...(extra[key] as unknown[])];
  }
  return out;
}
