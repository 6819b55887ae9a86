/**
 * Remittance advices as the payer's ERP prints them, rendered with pdfkit.
 * CreationDate is pinned so that the bytes (and the file ID, an MD5 of the
 * info dictionary) are reproducible.
 */
import PDFDocument from "pdfkit";
import type { Lang } from "./phrases/types.ts";
import type { LedgerInvoice } from "./ledger.ts";
import { COMPANY } from "./ledger-data.ts";
import { localDate } from "./dates.ts";
import { ledgerMoney } from "./money.ts";

const TITLE: Record<Lang, string[]> = {
  nl: ["Betalingsadvies", "Betaalbewijs", "Nummer", "Factuurdatum", "Betaald bedrag", "Totaal", "Betaaldatum", "Begunstigde", "Betalingsreferentie"],
  fr: ["Avis de paiement", "Preuve de virement", "Numéro", "Date facture", "Montant payé", "Total", "Date de paiement", "Bénéficiaire", "Référence paiement"],
  de: ["Zahlungsavis", "Überweisungsbeleg", "Nummer", "Rechnungsdatum", "Gezahlt", "Summe", "Zahlungsdatum", "Empfänger", "Zahlungsreferenz"],
  en: ["Remittance Advice", "Payment Confirmation", "Number", "Invoice date", "Amount paid", "Total", "Payment date", "Payee", "Payment reference"],
};

export interface Remittance {
  lang: Lang;
  payer: string;
  payerAddress: string;
  paidDate: string;
  lines: Array<{ inv: LedgerInvoice; paid: number }>;
  total: number;
  currency: string;
  reference: string;
  kind: "advice" | "proof";
}

export function renderRemittance(r: Remittance): Promise<Buffer> {
  const t = TITLE[r.lang];
  const when = new Date(`${r.paidDate}T09:00:00Z`);
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: t[r.kind === "advice" ? 0 : 1], Author: r.payer, Producer: "ERP print service", CreationDate: when, ModDate: when } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("Helvetica-Bold").fontSize(16).text(r.payer);
  doc.font("Helvetica").fontSize(9).text(r.payerAddress);
  doc.moveDown(1.5);
  doc.font("Helvetica-Bold").fontSize(14).text(t[r.kind === "advice" ? 0 : 1]);
  doc.moveDown(0.5);
  doc.font("Helvetica").fontSize(10);
  doc.text(`${t[7]}: ${COMPANY.name}`);
  doc.text(`IBAN: ${r.currency === "EUR" ? COMPANY.iban : COMPANY.iban2}`);
  doc.text(`${t[6]}: ${localDate(r.paidDate, r.lang, 0)}`);
  doc.text(`${t[8]}: ${r.reference}`);
  doc.moveDown(1);
  const y0 = doc.y;
  doc.font("Helvetica-Bold").text(t[2], 50, y0).text(t[3], 220, y0).text(t[4], 380, y0);
  doc.font("Helvetica");
  for (const line of r.lines) {
    const y = doc.y + 4;
    doc.text(line.inv.number, 50, y).text(localDate(line.inv.issueDate, r.lang, 0), 220, y).text(ledgerMoney(line.paid, r.currency, r.lang), 380, y);
  }
  const yt = doc.y + 8;
  doc.font("Helvetica-Bold").text(t[5], 50, yt).text(ledgerMoney(r.total, r.currency, r.lang), 380, yt);
  doc.end();
  return done;
}
