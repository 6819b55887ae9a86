import { describe, expect, it } from "vitest";
import type { LedgerView } from "../mail-input.ts";
import { routeEmail } from "./route.ts";
import { input, OUR_DOMAINS } from "./test-kit.ts";

/**
 * A seeded, generated ledger of 300 debtors and mail full of look-alike
 * numbers (phones, IBANs, dates, postcodes, order numbers, amounts): the
 * noise must never be assigned, and one real identifier must still be enough.
 */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const SYL = ["van", "ber", "mont", "lux", "dor", "kel", "ria", "sto", "gen", "hal", "mar", "tin", "wes", "pol", "char", "dre", "zan", "quil"];
const KIND = ["Bakkerij", "Boulangerie", "Metzgerei", "Garage", "Hotel", "Brasserie", "Drukkerij", "Imprimerie", "Schreinerei", "Traiteur"];
const FORM = ["BV", "NV", "SARL", "SAS", "GmbH", "Ltd", "SA", ""];

function makeLedger(rand: () => number): LedgerView {
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const word = () => {
    const w = pick(SYL) + pick(SYL) + pick(SYL);
    return w[0].toUpperCase() + w.slice(1);
  };
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
  const debtors: LedgerView["debtors"] = [];
  const invoices: LedgerView["invoices"] = [];
  for (let i = 1; i <= 300; i++) {
    const name = `${pick(KIND)} ${word()} ${pick(FORM)}`.trim();
    const domain = `${word().toLowerCase()}${i}.example`;
    const country = pick(["BE", "FR", "DE", "NL"]);
    debtors.push({
      id: i,
      number: `D${10000 + i}`,
      name,
      language: "en",
      customerNumber: rand() < 0.5 ? `K-${1000 + i}` : null,
      vatNumber: country === "BE" ? `BE0${digits(9)}` : country === "FR" ? `FR${digits(11)}` : country === "DE" ? `DE${digits(9)}` : `NL${digits(9)}B01`,
      domains: [domain],
      contacts: [{ email: `ap@${domain}`, name: `${word()} ${word()}` }],
    });
    for (let k = 0; k < 4; k++) {
      const amount = Math.round(rand() * 500000) / 100;
      invoices.push({ number: `F2024-${String(i * 10 + k).padStart(5, "0")}`, debtorId: i, kind: "invoice", issueDate: "2024-09-01", dueDate: "2024-10-01", currency: "EUR", amount, openAmount: amount });
    }
  }
  return { company: { name: "Acme Supplies BV", domains: OUR_DOMAINS }, debtors, invoices };
}

function noise(rand: () => number): { text: string; amounts: Array<{ value: number; currency: string }> } {
  const d = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
  const amounts = [{ value: Number(`${d(3)}.${d(2)}`), currency: "EUR" }];
  const lines = [
    `Tel: +32 ${d(1)} ${d(3)} ${d(2)} ${d(2)} — GSM 04${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    `IBAN BE${d(2)} ${d(4)} ${d(4)} ${d(4)} BIC KREDBEBB`,
    `Order no. ${d(6)}, PO ${d(5)}, delivery ${d(2)}/${d(2)}/2024, postcode ${d(4)}`,
    `Our ref: ${d(3)}-${d(4)}, ticket #${d(5)}, KvK ${d(8)}, SIRET ${d(14)}`,
    `Total ${amounts[0].value.toFixed(2).replace(".", ",")} EUR incl. BTW ${d(2)}%`,
    "Exclusive offer for bakeries, garages and hotels across Europe!",
  ];
  return { text: lines.join("\n"), amounts };
}

describe("generated ledger", () => {
  const rand = prng(42);
  const ledger = makeLedger(rand);

  it("never assigns noise from unknown senders (spam or questions)", () => {
    const wrong: string[] = [];
    let hinted = 0;
    for (let i = 0; i < 1500; i++) {
      const { text, amounts } = noise(rand);
      const intent = i % 2 === 0 ? "other" : "question";
      const from = i % 3 === 0 ? `someone${i}@gmail.com` : `info@unrelated${i}.example`;
      const someone = ledger.debtors[Math.floor(rand() * ledger.debtors.length)];
      // Now and then an amount equal to a real open item; spam may even name a real customer.
      if (i % 5 === 0) amounts.push({ value: ledger.invoices.find((x) => x.debtorId === someone.id)!.openAmount, currency: "EUR" });
      const spamName = intent === "other" && i % 4 === 0 ? `\nAs trusted by ${someone.name}!` : "";
      const dec = routeEmail(input({ ledger, mail: { fromAddress: from, fromName: "Sales Team" }, senderText: text + spamName, intent, amounts }));
      if (dec.candidates.length > 0) hinted++;
      if (dec.debtorId !== null) wrong.push(`${from}: ${dec.candidates[0].reasons.join("; ")}`);
    }
    expect(wrong).toEqual([]);
    // The planted amounts and names do show up as candidates.
    expect(hinted).toBeGreaterThan(300);
  });

  it("assigns correctly with one real identifier amid the noise", () => {
    const outcomes = { right: 0, wrong: 0, unassigned: 0 };
    for (let i = 0; i < 1200; i++) {
      const debtor = ledger.debtors[Math.floor(rand() * ledger.debtors.length)];
      const { text, amounts } = noise(rand);
      const inv = ledger.invoices.find((x) => x.debtorId === debtor.id)!;
      const variant = i % 4;
      const p =
        variant === 0
          ? { mail: { fromAddress: debtor.contacts[0].email }, senderText: text }
          : variant === 1
            ? { mail: { fromAddress: `new.clerk@${debtor.domains[0]}` }, senderText: text }
            : variant === 2
              ? { mail: { fromAddress: `x${i}@gmail.com` }, senderText: `${text}\nPaid ${inv.number}`, invoiceRefs: [{ number: inv.number, confidence: 0.95, inSenderText: true }] }
              : { mail: { fromAddress: `x${i}@gmail.com` }, senderText: `${text}\nTVA / BTW / VAT: ${debtor.vatNumber}` };
      const dec = routeEmail(input({ ledger, amounts, ...p }));
      if (dec.debtorId === debtor.id) outcomes.right++;
      else if (dec.debtorId === null) outcomes.unassigned++;
      else outcomes.wrong++;
    }
    expect(outcomes.wrong).toBe(0);
    expect(outcomes.right / 1200).toBeGreaterThanOrEqual(0.98);
  });
});
