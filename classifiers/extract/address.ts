import { MONTHS } from "./date-words.ts";

/**
 * A postal address the sender asks us to use, as written: street and house
 * number, then postcode and town (and a country when given), parts joined
 * with ", " ("Kerkstraat 12, 1234 AB Utrecht", "138, rue de l'Industrie,
 * L-4030 Esch-sur-Alzette", "12 High Street, London SW1A 1AA"). The address
 * is found by its shape, wherever it stands in the sentence ("nous sommes
 * maintenant au …", "Firmensitz wurde verlegt nach …", on lines of its own),
 * and the one nearest to an address cue wins over one called the old address.
 */

const H = "[ \\t]"; // horizontal space: an address part never runs over a line, the parts may
const WORD = "\\p{Lu}[\\p{L}'’.-]*";
// Lower-case words inside a street name are particles ("Rue du Marché", "Avenue de l'Industrie", "Stille Veerkade aan de …").
const LOWER = "(?:de|du|des|la|le|les|van|der|den|het|ter|ten|am|an|im|auf|zum|zur|of|the|et|sur|sous|en|aux|au|[ld]['’]\\p{Lu}[\\p{L}'’.-]*)";
const STREET_TYPES = [
  "rue", "avenue", "av.", "boulevard", "bd", "chemin", "place", "allée", "impasse", "route", "quai", "cours", "square", "passage", "chaussée", "drève",
  "street", "st.", "road", "rd.", "lane", "drive", "way", "close", "court", "crescent", "terrace", "parade", "via", "viale", "piazza", "calle",
  "zone", "zoning", "parc", "z.i.", "industriezone", "industrieterrein", "industriepark", "bedrijventerrein", "gewerbegebiet", "industriegebiet", "gewerbepark",
];
// Either capitalisation of the first letter ("rue" / "Rue", "street" / "Street"); the rest of the pattern is case-sensitive.
const STREET_TYPE = `(?:${STREET_TYPES.map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1).replace(".", "\\.")}`).join("|")})(?![\\p{L}])`;
// "12", "12a", "12-14", "12/3", "12 bis", "12 bus 3", "12 bte 4".
const HOUSE = "\\d{1,4}(?:[ \\t]?[a-zA-Z](?![\\p{L}]))?(?:[-/]\\d{1,4}[a-zA-Z]?)?(?:[ \\t]+(?:bis|ter)(?![\\p{L}]))?(?:[ \\t]+(?:bus|bte|boîte|box)[ \\t]*\\d{1,4}[a-zA-Z]?)?";
// "Kerkstraat 12", "Rue du Marché 226", "Avenue de l'Industrie 145", "Bahnhofstraße 104a".
const STREET_FIRST = `(?:${WORD}|${STREET_TYPE})(?:${H}+(?:${WORD}|${LOWER})){0,5}${H}+${HOUSE}`;
// "230 rue de la République", "138, rue de l'Industrie", "12 High Street".
// A unit or suite goes before the number ("Unit 15, Mill Lane"); a box number may follow the street ("Zone Industrielle bus 9").
const UNIT = "(?:(?:Unit|Suite|Flat|Apartment|Apt\\.|Bâtiment|Gebouw|Haus)[ \\t]+)?";
const BOX = "(?:[ \\t]+(?:bus|bte|boîte|box)[ \\t]*\\d{1,4}[a-zA-Z]?)?";
const NUMBER_FIRST = `${UNIT}${HOUSE},?${H}+(?:${STREET_TYPE}(?:${H}+(?:${WORD}|${LOWER})){1,5}${BOX}|(?:${WORD}${H}+){1,3}${STREET_TYPE})`;
// "2200 Herentals", "1234 AB Utrecht", "L-4030 Esch-sur-Alzette", "41061 Mönchengladbach", "Frankfurt am Main".
// A town is one word, with an article before ("Den Haag", "La Louvière") or a particle inside ("Frankfurt am Main").
const TOWN = `(?:(?:Den|De|La|Le|Les|Bad|Sankt|Saint|Sainte|Sint)[ \\t]+)?${WORD}(?:[ \\t]+(?:am|an|der|im|bei|aan|op|sur|sous|lez|lès|en)[ \\t]+${WORD})?`;
// The Dutch "1234 AB" goes first so its letters are not taken for the town.
const POSTCODE_TOWN = `(?:\\d{4}${H}?[A-Z]{2}(?![\\p{L}])|(?:[A-Z]{1,2}-)?\\d{4,5})\\s+${TOWN}`;
const TOWN_UK_POSTCODE = `${WORD}(?:${H}${WORD})?${H}+[A-Z]{1,2}\\d[A-Z\\d]?${H}?\\d[A-Z]{2}`;
const COUNTRY =
  "(?:Nederland|The Netherlands|Netherlands|België|Belgique|Belgium|Belgien|France|Frankrijk|Frankreich|Deutschland|Duitsland|Germany|Allemagne|Luxembourg|Luxemburg|Österreich|Austria|Schweiz|Suisse|Switzerland|United Kingdom|UK)";

const ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])(${STREET_FIRST}|${NUMBER_FIRST})(${H}*(?:,|–|-)?\\s*)(${POSTCODE_TOWN}|${TOWN_UK_POSTCODE})(?:(?:,${H}*|${H}*\\n${H}*)(${COUNTRY}))?(?![\\p{L}\\d])`,
  "gu",
);

/** Words that announce the address to use (or a move). */
const CUE =
  /(?:adres\p{L}*|address\p{L}*|adresse\p{L}*|anschrift|sitz|siège|domicil\p{L}*|verhuisd|verhuizen|verhuisd naar|moved|relocated|déménag\p{L}*|umgezogen|umzug|transféré\p{L}*|verlegt|gevestigd|located|maintenant au|désormais au|jetzt unter|nu op|now at|rechnungsdaten|stammdaten|factuurgegevens|facturatiegegevens|billing details|coordonnées)/giu;
const OLD = /(?:old|former|previous|oude|vorige|ancienne|alte|bisherige|frühere)\s+(?:\p{L}+\s+){0,2}$|(?:from|van|de|du|von)\s+$/iu;

const STREET_WORD = new RegExp(`^(?:${STREET_TYPES.join("|").replace(/\./g, "\\.")})$|(?:straat|laan|weg|plein|dreef|steenweg|kaai|lei|baan|markt|singel|gracht|dijk|kade|hof|park|pad|veld|berg|str\\.|straße|strasse|gasse|allee|platz|ring|damm|ufer|chaussee|steig|zeile|street|road|lane|avenue)$`, "iu");

/** A street part names a street: a street word ("…straat", "rue", "Road") or a short name ("Gewerbering 81"). */
function isStreet(street: string): boolean {
  const words = street.replace(/^\d[\w/-]*,?\s+/, "").replace(/\s+\d[\w/-]*$/, "").split(" ").filter((w) => /\p{L}{2,}/u.test(w));
  if (!words.length || words.length > 5) return false;
  if (words.some((w) => STREET_WORD.test(w.replace(/[.,]$/, "")))) return true;
  // Without a street word: a short name, not a month ("December 04, 2001 …") or a word in capitals
  // ("SIZE 3355"), and a house number that is not a year ("Factuur 2024 1000 Brussel").
  const house = street.match(/\d+/)?.[0] ?? "";
  if (words.some((w) => MONTHS[w.toLowerCase().replace(/\.$/, "")] !== undefined || /^\p{Lu}{2,}$/u.test(w))) return false;
  return words.length <= 2 && !(house.length === 4 && +house >= 1900 && +house <= 2100);
}

export interface FoundAddress {
  address: string;
  index: number;
}

/** Every address-shaped text in order, normalised ("Bahnhofstraße 104\n53111 Bonn" → "Bahnhofstraße 104, 53111 Bonn"). */
export function findAddresses(text: string): FoundAddress[] {
  const out: FoundAddress[] = [];
  for (const m of text.matchAll(ADDRESS)) {
    const street = m[1].replace(/\s+/g, " ").trim();
    if (!isStreet(street)) continue;
    const town = m[3].replace(/\s+/g, " ").trim().replace(/\.$/, "");
    out.push({ address: [street, town, m[4]].filter(Boolean).join(", "), index: m.index! });
  }
  return out;
}

/** The address the sender asks us to use: the one nearest after an address cue, not one called the old address. */
export function findNewAddress(text: string): string | null {
  const found = findAddresses(text).filter((a) => !OLD.test(text.slice(Math.max(0, a.index - 40), a.index)));
  if (!found.length) return null;
  const cues = [...text.matchAll(CUE)].map((m) => m.index!);
  let best: { a: FoundAddress; d: number } | null = null;
  for (const a of found) {
    for (const c of cues) {
      const d = a.index >= c ? a.index - c : (c - a.index) * 3;
      if (!best || d < best.d) best = { a, d };
    }
  }
  return (best && best.d < 300 ? best.a : found[0]).address;
}
