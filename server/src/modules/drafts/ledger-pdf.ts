import PDFDocument from "pdfkit";
import type { FactInvoice, LedgerFacts } from "./facts.ts";
import { formatDateShort, formatMoney, localeFor, type DraftLanguage } from "./locale-format.ts";

/**
 * Invoice copies and statements of account as PDFs, generated from the
 * ledger (Relance does not hold the ERP's original PDFs). Built with pdfkit
 * and its standard Helvetica, whose WinAnsi encoding covers € and the
 * accented letters of nl/fr/de; the narrow spaces Intl puts in French amounts
 * are not in it, so they are written as plain spaces.
 */
const labels: Record<DraftLanguage, Record<string, string>> = {
  en: { invoice: "Invoice", credit_note: "Credit note", copy: "Copy", statement: "Statement of account", number: "Number", issued: "Issue date", due: "Due date", amount: "Amount", open: "Open", total: "Total open", customer: "Customer", date: "Date", status: "Status", disputed: "in dispute", paid: "Paid" },
  nl: { invoice: "Factuur", credit_note: "Creditnota", copy: "Kopie", statement: "Rekeninguittreksel", number: "Nummer", issued: "Factuurdatum", due: "Vervaldatum", amount: "Bedrag", open: "Openstaand", total: "Totaal openstaand", customer: "Klant", date: "Datum", status: "Status", disputed: "betwist", paid: "Betaald" },
  fr: { invoice: "Facture", credit_note: "Note de crédit", copy: "Copie", statement: "Relevé de compte", number: "Numéro", issued: "Date de facture", due: "Échéance", amount: "Montant", open: "Solde", total: "Total à payer", customer: "Client", date: "Date", status: "Statut", disputed: "contestée", paid: "Payé" },
  de: { invoice: "Rechnung", credit_note: "Gutschrift", copy: "Kopie", statement: "Kontoauszug", number: "Nummer", issued: "Rechnungsdatum", due: "Fällig am", amount: "Betrag", open: "Offen", total: "Offener Gesamtbetrag", customer: "Kunde", date: "Datum", status: "Status", disputed: "strittig", paid: "Bezahlt" },
};

export const pdfLabels = labels;

const clean = (s: string) => s.replace(/[\u202f\u00a0\u2009]/g, " ");

function render(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, info: { Producer: "Relance", Creator: "Relance" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    build(doc);
    doc.end();
  });
}

function header(doc: PDFKit.PDFDocument, facts: LedgerFacts, title: string, l: Record<string, string>) {
  doc.font("Helvetica-Bold").fontSize(16).text(facts.company.name || "Relance");
  doc.moveDown(0.3).font("Helvetica").fontSize(9).fillColor("#555").text(facts.company.arMailbox ?? "");
  doc.fillColor("#000").moveDown(1.5).font("Helvetica-Bold").fontSize(14).text(title);
  doc.moveDown(0.5).font("Helvetica").fontSize(10);
  doc.text(`${l.customer}: ${facts.debtor.name} (${facts.debtor.number})`);
  if (facts.debtor.vatNumber) doc.text(`VAT: ${facts.debtor.vatNumber}`);
  doc.moveDown(1);
}

export function invoiceFileName(inv: FactInvoice, language: DraftLanguage): string {
  return `${labels[language][inv.kind === "credit_note" ? "credit_note" : "invoice"]}-${inv.number}.pdf`.replace(/[^\p{L}\p{N}._-]+/gu, "-");
}

export function statementFileName(facts: LedgerFacts, language: DraftLanguage): string {
  return `${labels[language].statement}-${facts.debtor.number}-${facts.today}.pdf`.replace(/[^\p{L}\p{N}._-]+/gu, "-");
}

/** A copy of one invoice or credit note, from the ledger. */
export function invoicePdf(facts: LedgerFacts, inv: FactInvoice, language: DraftLanguage): Promise<Buffer> {
  const l = labels[language];
  const loc = localeFor(language, facts.debtor.country);
  const money = (c: number) => clean(formatMoney(c, inv.currency, loc));
  return render((doc) => {
    header(doc, facts, `${l[inv.kind === "credit_note" ? "credit_note" : "invoice"]} ${inv.number} (${l.copy})`, l);
    const rows: [string, string][] = [
      [l.number, inv.number],
      [l.issued, formatDateShort(inv.issueDate, loc)],
      [l.due, inv.dueDate ? formatDateShort(inv.dueDate, loc) : "-"],
      [l.amount, money(inv.amountCents)],
      [l.paid, money(inv.amountCents - inv.openCents)],
      [l.open, money(inv.openCents)],
    ];
    for (const [k, v] of rows) {
      const y = doc.y;
      doc.font("Helvetica-Bold").text(k, 50, y, { width: 150 });
      doc.font("Helvetica").text(v, 210, y, { width: 300 });
      doc.moveDown(0.4);
    }
  });
}

/** The statement of account: every open item and the totals. */
export function statementPdf(facts: LedgerFacts, language: DraftLanguage): Promise<Buffer> {
  const l = labels[language];
  const loc = localeFor(language, facts.debtor.country);
  const cols = [50, 170, 250, 330, 420];
  return render((doc) => {
    header(doc, facts, `${l.statement} – ${formatDateShort(facts.today, loc)}`, l);
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
      cells.forEach((c, i) => doc.text(clean(c), cols[i], y, { width: (cols[i + 1] ?? 545) - cols[i] - 6, align: i >= 3 ? "right" : "left" }));
      doc.moveDown(0.3);
      if (doc.y > 760) doc.addPage();
    };
    row([l.number, l.issued, l.due, l.amount, l.open], true);
    for (const inv of facts.openInvoices) {
      const number = inv.inDispute ? `${inv.number} (${l.disputed})` : inv.number;
      row([
        number,
        formatDateShort(inv.issueDate, loc),
        inv.dueDate ? formatDateShort(inv.dueDate, loc) : "-",
        formatMoney(inv.amountCents, inv.currency, loc),
        formatMoney(inv.openCents, inv.currency, loc),
      ]);
    }
    doc.moveDown(0.5);
    for (const t of facts.totals) row([l.total, "", "", t.currency, formatMoney(t.openCents, t.currency, loc)], true);
  });
}
