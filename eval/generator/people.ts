/** Invented people, firms, courts and addresses that senders and signatures draw from. */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";

export const FIRST: Record<Lang, string[]> = {
  nl: ["Wim", "Katrien", "Joris", "Sarah", "Thomas", "Evelien", "Stijn", "Lotte", "Bram", "Ilse", "Niels", "Femke", "Geert", "Anouk"],
  fr: ["Nicolas", "Céline", "Antoine", "Aurélie", "Sébastien", "Émilie", "Thierry", "Manon", "François", "Hélène", "Quentin", "Sylvie"],
  de: ["Markus", "Anja", "Florian", "Sandra", "Tobias", "Petra", "Matthias", "Julia", "Sven", "Kerstin", "Dominik", "Ute"],
  en: ["James", "Sophie", "Oliver", "Charlotte", "Daniel", "Amelia", "Ryan", "Lucy", "Aidan", "Megan", "Kieran", "Natalie"],
};

export const LAST: Record<Lang, string[]> = {
  nl: ["Janssens", "De Clercq", "Van den Broeck", "Willems", "Hermans", "de Boer", "Smit", "Goossens", "Vos", "Martens", "Mulder", "Verhoeven"],
  fr: ["Dubois", "Lambert", "Lejeune", "Mercier", "Girard", "Fontaine", "Laurent", "Michaux", "Renaud", "Collignon", "Bertrand", "Leclercq"],
  de: ["Schmitz", "Fischer", "Weber", "Schneider", "Koch", "Bauer", "Zimmermann", "Hartmann", "Krüger", "Wolf", "Braun", "Lange"],
  en: ["Taylor", "Evans", "Walker", "Wright", "Roberts", "Hall", "Green", "Baker", "Morgan", "Turner", "Phillips", "Kelly"],
};

export function personName(lang: Lang, rng: Rng): { first: string; last: string; full: string } {
  const first = rng.pick(FIRST[lang]);
  const last = rng.pick(LAST[lang]);
  return { first, last, full: `${first} ${last}` };
}

/** Local part of a mail address for a person, in the shapes companies use. */
export function localPart(first: string, last: string, rng: Rng): string {
  const f = ascii(first);
  const l = ascii(last).replace(/\s+/g, "");
  return rng.pick([`${f}.${l}`, `${f[0]}.${l}`, `${f}`, `${f[0]}${l}`, `${f}.${l}`]);
}

export function ascii(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").replace(/[^A-Za-z0-9 .-]/g, "").toLowerCase();
}

export const ACCOUNTANTS: Record<Lang, Array<{ firm: string; domain: string }>> = {
  nl: [{ firm: "Boekhoudkantoor Verhaert", domain: "verhaert-boekhouding.example" }, { firm: "De Ruyter Accountants", domain: "deruyter-accountants.example" }],
  fr: [{ firm: "Fiduciaire Lambotte", domain: "fiduciaire-lambotte.example" }, { firm: "Cabinet Rousseau Expertise Comptable", domain: "rousseau-expertise.example" }],
  de: [{ firm: "Steuerkanzlei Brandt & Partner", domain: "kanzlei-brandt.example" }, { firm: "Treuhand Keller AG", domain: "treuhand-keller.example" }],
  en: [{ firm: "Pembroke & Shaw Chartered Accountants", domain: "pembrokeshaw.example" }, { firm: "Northbridge Bookkeeping", domain: "northbridge-books.example" }],
};

export const CURATORS: Record<Lang, Array<{ name: string; firm: string; domain: string }>> = {
  nl: [{ name: "mr. Pieter Declercq", firm: "Declercq Advocaten", domain: "declercq-advocaten.example" }, { name: "mr. Eline Visser", firm: "Visser Insolventie Advocaten", domain: "visser-insolventie.example" }, { name: "mrs. Hanne Wuyts en Koen Lauwers", firm: "Wuyts Lauwers Advocaten", domain: "wuytslauwers.example" }],
  fr: [{ name: "Maître Sophie Lemaire", firm: "Étude Lemaire", domain: "lemaire-mj.example" }, { name: "Me Alain Gobert", firm: "Gobert & Associés", domain: "gobert-avocats.example" }, { name: "SELARL Morel & Vidal, mandataires judiciaires", firm: "Morel & Vidal", domain: "morel-vidal-mj.example" }],
  de: [{ name: "Rechtsanwalt Dr. Thomas Engel", firm: "Engel Insolvenzverwaltung", domain: "engel-insolvenz.example" }, { name: "RAin Martina Vogt", firm: "Vogt Restrukturierung", domain: "vogt-restrukturierung.example" }],
  en: [{ name: "Alistair Reid and Joanne Pike", firm: "Harcourt Recovery LLP", domain: "harcourt-recovery.example" }, { name: "Mark Ellison", firm: "Ellison Insolvency Practitioners", domain: "ellison-ip.example" }],
};

/** Courts as a noun phrase with article, by language of the notice and country of the debtor. */
export const COURTS: Record<Lang, Record<string, string[]>> = {
  nl: {
    BE: ["de ondernemingsrechtbank Antwerpen, afdeling Antwerpen", "de ondernemingsrechtbank Gent, afdeling Kortrijk", "de ondernemingsrechtbank Antwerpen, afdeling Hasselt", "de ondernemingsrechtbank Leuven"],
    NL: ["de rechtbank Oost-Brabant", "de rechtbank Rotterdam", "de rechtbank Limburg", "de rechtbank Midden-Nederland"],
  },
  fr: {
    BE: ["le tribunal de l'entreprise de Liège, division Liège", "le tribunal de l'entreprise du Hainaut, division Charleroi", "le tribunal de l'entreprise francophone de Bruxelles", "le tribunal de l'entreprise de Liège, division Namur"],
    FR: ["le tribunal de commerce de Lille Métropole", "le tribunal judiciaire de Reims", "le tribunal de commerce de Lyon", "le tribunal judiciaire de Strasbourg"],
    LU: ["le tribunal d'arrondissement de Luxembourg"],
    CH: ["le Tribunal civil de Lausanne", "le Tribunal régional du Littoral à Neuchâtel"],
  },
  de: {
    DE: ["das Amtsgericht Köln", "das Amtsgericht Düsseldorf", "das Amtsgericht Aachen", "das Amtsgericht Bonn"],
    CH: ["das Konkursgericht des Bezirksgerichts Zürich", "das Bezirksgericht Luzern"],
    LU: ["das Bezirksgericht Diekirch"],
  },
  en: {
    GB: ["the High Court of Justice, Business and Property Courts in Leeds", "the High Court of Justice in London", "the Court of Session in Edinburgh"],
    BE: ["the Brussels Enterprise Court"], LU: ["the Luxembourg District Court"], NL: ["the Amsterdam District Court"],
    DE: ["the Berlin-Charlottenburg Local Court"], CH: ["the Geneva Court of First Instance"],
  },
};

export function courtFor(lang: Lang, country: string, rng: Rng): string {
  const byCountry = COURTS[lang];
  return rng.pick(byCountry[country] ?? Object.values(byCountry)[0]);
}

/** A court or case number of the year the notice is written in. */
export function caseReference(country: string, rng: Rng, year: number): string {
  const yy = year % 100;
  switch (country) {
    case "BE": return `${rng.pick(["A", "B", "C"])}/${yy}/${String(rng.int(100, 2999)).padStart(5, "0")}`;
    case "NL": return `F.${String(rng.int(1, 13)).padStart(2, "0")}/${yy}/${rng.int(100, 999)}`;
    case "FR": return `${rng.pick(["RG ", "", "n° "])}${year}J${String(rng.int(10, 999)).padStart(5, "0")}`;
    case "DE": return `${rng.int(70, 95)} IN ${rng.int(100, 999)}/${yy}`;
    case "CH": return `${rng.pick(["EK", "KO"])}${yy}${String(rng.int(1000, 9999))}`;
    case "LU": return `${rng.pick(["TAL-", "L-FAIL-"])}${year}-${rng.int(100, 999)}`;
    default: return `CR-${year}-${String(rng.int(1000, 9999)).padStart(6, "0")}`;
  }
}

const STREETS: Record<string, string[]> = {
  BE: ["Industrieweg", "Kerkstraat", "Nijverheidslaan", "Stationsstraat"],
  "BE-fr": ["Rue de la Station", "Chaussée de Louvain", "Rue des Artisans", "Avenue de l'Industrie"],
  NL: ["Industrieweg", "Stationsstraat", "Havenweg", "Spoorlaan"],
  FR: ["rue de la République", "avenue Jean Jaurès", "rue des Tanneurs", "boulevard Carnot"],
  DE: ["Industriestraße", "Hauptstraße", "Bahnhofstraße", "Gewerbering"],
  CH: ["Industriestrasse", "Rue du Marché", "Bahnhofstrasse"],
  LU: ["rue de l'Industrie", "route d'Arlon", "Zone Industrielle"],
  GB: ["Station Road", "Mill Lane", "Victoria Street", "Riverside Park"],
};

/** A new postal address in the debtor's country; city keeps the debtor's postcode area. */
export function newAddress(country: string, city: string, rng: Rng, lang: Lang = "nl"): string[] {
  const street = rng.pick(STREETS[country === "BE" && lang !== "nl" ? "BE-fr" : country] ?? STREETS.BE);
  const nr = rng.int(2, 240);
  if (country === "FR") return [`${nr} ${street}`, city];
  if (country === "GB") return [`Unit ${rng.int(1, 30)}, ${street}`, city];
  const line = country === "LU" ? `${nr}, ${street}` : `${street} ${nr}`;
  return [rng.chance(0.2) ? `${line} bus ${rng.int(1, 9)}` : line, city];
}

export function phone(country: string, rng: Rng): string {
  const n = (k: number) => Array.from({ length: k }, () => rng.int(0, 9)).join("");
  switch (country) {
    case "BE": return rng.pick([`+32 ${rng.int(2, 9)} ${n(3)} ${n(2)} ${n(2)}`, `0${rng.int(2, 9)}/${n(3)}.${n(2)}.${n(2)}`, `+32 47${rng.int(0, 9)} ${n(2)} ${n(2)} ${n(2)}`]);
    case "NL": return rng.pick([`+31 (0)${rng.int(10, 79)} ${n(3)} ${n(4)}`, `06-${n(8)}`]);
    case "FR": return rng.pick([`+33 ${rng.int(1, 5)} ${n(2)} ${n(2)} ${n(2)} ${n(2)}`, `0${rng.int(1, 6)} ${n(2)} ${n(2)} ${n(2)} ${n(2)}`]);
    case "DE": return rng.pick([`+49 ${rng.int(200, 699)} ${n(6)}`, `0${rng.int(200, 699)} / ${n(5)}-${n(2)}`]);
    case "CH": return `+41 ${rng.int(21, 91)} ${n(3)} ${n(2)} ${n(2)}`;
    case "LU": return `+352 ${n(2)} ${n(2)} ${n(2)}`;
    default: return rng.pick([`+44 (0)${rng.int(113, 207)} ${n(3)} ${n(4)}`, `07${n(3)} ${n(6)}`]);
  }
}

/** Company register numbers that look like references and are not invoices. */
export function registerNumber(country: string, rng: Rng, lang: Lang = "nl"): string | null {
  const n = (k: number) => Array.from({ length: k }, () => rng.int(0, 9)).join("");
  switch (country) {
    case "NL": return `KvK ${n(8)}`;
    case "FR": return `SIRET ${n(3)} ${n(3)} ${n(3)} ${n(5)}`;
    case "DE": return `HRB ${rng.int(1000, 99999)}, Amtsgericht ${rng.pick(["Köln", "Aachen", "Bonn"])}`;
    case "GB": return `Registered in England No. ${n(8)}`;
    case "BE": return rng.chance(0.5) ? (lang === "nl" ? `RPR ${rng.pick(["Gent", "Antwerpen"])}` : `RPM ${rng.pick(["Liège", "Bruxelles", "Charleroi"])}`) : `${lang === "nl" ? "KBO" : "BCE"} 0${rng.int(200, 899)}.${rng.int(100, 999)}.${rng.int(100, 999)}`;
    case "LU": return `RCS Luxembourg B${rng.int(10000, 299999)}`;
    case "CH": return `UID ${rng.pick(["CHE"])}-${n(3)}.${n(3)}.${n(3)}`;
  }
  return null;
}

export function iban(country: string, rng: Rng): string {
  const n = (k: number) => Array.from({ length: k }, () => rng.int(0, 9)).join("");
  switch (country) {
    case "NL": return `NL${n(2)} RABO 0${n(3)} ${n(4)} ${n(2)}`;
    case "FR": return `FR76 ${n(4)} ${n(4)} ${n(4)} ${n(4)} ${n(4)} ${n(3)}`;
    case "DE": return `DE${n(2)} ${n(4)} ${n(4)} ${n(4)} ${n(4)} ${n(2)}`;
    case "GB": return `GB${n(2)} NWBK ${n(4)} ${n(4)} ${n(4)} ${n(2)}`;
    case "CH": return `CH${n(2)} ${n(4)} ${n(4)} ${n(4)} ${n(4)} ${n(1)}`;
    case "LU": return `LU${n(2)} ${n(4)} ${n(4)} ${n(4)} ${n(4)}`;
    default: return `BE${n(2)} ${n(4)} ${n(4)} ${n(4)}`;
  }
}
