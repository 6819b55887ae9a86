import type { DraftLanguage } from "./locale-format.ts";

/**
 * The few words the code itself puts into a draft (table headers, dispute
 * reasons, account fields). The sentences live in the templates.
 */
export const tableHeaders: Record<DraftLanguage, { invoice: string; date: string; due: string; amount: string; open: string; total: string; disputed: string }> = {
  en: { invoice: "Invoice", date: "Date", due: "Due date", amount: "Amount", open: "Open", total: "Total open", disputed: "in dispute" },
  nl: { invoice: "Factuur", date: "Datum", due: "Vervaldatum", amount: "Bedrag", open: "Openstaand", total: "Totaal openstaand", disputed: "betwist" },
  fr: { invoice: "Facture", date: "Date", due: "Échéance", amount: "Montant", open: "Solde", total: "Total ouvert", disputed: "contestée" },
  de: { invoice: "Rechnung", date: "Datum", due: "Fällig", amount: "Betrag", open: "Offen", total: "Summe offen", disputed: "strittig" },
};

export const disputeReasons: Record<DraftLanguage, Record<string, string>> = {
  en: { price: "the price charged", quantity: "the quantity invoiced", not_received: "goods not received", damaged: "damaged goods", service: "the service delivered", duplicate: "a duplicate invoice", wrong_entity: "the invoiced entity or VAT details", other: "the invoice" },
  nl: { price: "de aangerekende prijs", quantity: "de gefactureerde hoeveelheid", not_received: "niet-ontvangen goederen", damaged: "beschadigde goederen", service: "de geleverde dienst", duplicate: "een dubbele factuur", wrong_entity: "de gefactureerde entiteit of btw-gegevens", other: "de factuur" },
  fr: { price: "le prix facturé", quantity: "la quantité facturée", not_received: "une marchandise non reçue", damaged: "une marchandise endommagée", service: "la prestation fournie", duplicate: "une facture en double", wrong_entity: "l'entité facturée ou les données TVA", other: "la facture" },
  de: { price: "den berechneten Preis", quantity: "die berechnete Menge", not_received: "nicht erhaltene Ware", damaged: "beschädigte Ware", service: "die erbrachte Leistung", duplicate: "eine doppelte Rechnung", wrong_entity: "die fakturierte Gesellschaft bzw. die USt-Angaben", other: "die Rechnung" },
};

export const accountFields: Record<DraftLanguage, { newEmail: string; newAddress: string; poNumber: string; vatNumber: string }> = {
  en: { newEmail: "Invoice address (e-mail)", newAddress: "Billing address", poNumber: "PO number", vatNumber: "VAT number" },
  nl: { newEmail: "Factuuradres (e-mail)", newAddress: "Facturatieadres", poNumber: "Bestelbonnummer (PO)", vatNumber: "Btw-nummer" },
  fr: { newEmail: "Adresse de facturation (e-mail)", newAddress: "Adresse de facturation", poNumber: "Numéro de bon de commande", vatNumber: "Numéro de TVA" },
  de: { newEmail: "Rechnungsempfänger (E-Mail)", newAddress: "Rechnungsanschrift", poNumber: "Bestellnummer (PO)", vatNumber: "USt-IdNr." },
};

/** Subject prefixes of replies and forwards in the four languages (and Outlook's variants). */
export const REPLY_PREFIX = /^\s*((re|aw|antw|sv|wg|tr|fwd?|fw|réf|ref)\s*(\[\d+\])?\s*:\s*)+/i;
