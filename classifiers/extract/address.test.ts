import { describe, expect, it } from "vitest";
import { findAddresses, findNewAddress } from "./address.ts";

describe("findNewAddress", () => {
  it.each([
    // Street first, in a sentence (nl, de, fr-BE/CH).
    ["Vanaf 1 januari is ons adres Molenstraat 8, 3000 Leuven.", "Molenstraat 8, 3000 Leuven"],
    ["Wij zijn verhuisd naar Stationsplein 1, 3511 ED Utrecht.", "Stationsplein 1, 3511 ED Utrecht"],
    ["Onze maatschappelijke zetel is verplaatst: Industrieweg 14 bus 2, 9000 Gent", "Industrieweg 14 bus 2, 9000 Gent"],
    ["Unser Firmensitz ist jetzt in der Lindenallee 7a, 50968 Köln.", "Lindenallee 7a, 50968 Köln"],
    ["Neue Rechnungsanschrift: Hauptstr. 5, D-80331 München", "Hauptstr. 5, D-80331 München"],
    ["Nous avons déménagé: Avenue des Arts 44, 1040 Etterbeek.", "Avenue des Arts 44, 1040 Etterbeek"],
    ["Nouvelle adresse : Chemin du Lac 3, CH-1007 Lausanne", "Chemin du Lac 3, CH-1007 Lausanne"],
    // Number first (fr, en).
    ["Notre siège a été transféré au 12 bis, rue Victor Hugo, 69002 Lyon.", "12 bis, rue Victor Hugo, 69002 Lyon"],
    ["Please note our new billing address: 12 High Street, London SW1A 1AA, United Kingdom.", "12 High Street, London SW1A 1AA, United Kingdom"],
    ["Our office moved to 4 Castle Road, Leeds LS1 4DY.", "4 Castle Road, Leeds LS1 4DY"],
    ["Please update our address: Suite 4, 20 King Street, Leeds LS1 2HL", "20 King Street, Leeds LS1 2HL"],
    ["New address: Unit 7, Dock Road, Hull HU1 1AA", "Unit 7, Dock Road, Hull HU1 1AA"],
    ["Nouvelle adresse : 14, Zoning Nord bte 3, 6041 Gosselies.", "14, Zoning Nord bte 3, 6041 Gosselies"],
    ["Neue Anschrift: Gewerbegebiet Ost 12, 04109 Leipzig", "Gewerbegebiet Ost 12, 04109 Leipzig"],
    // Over several lines, and a postcode wrapped onto the next line.
    ["Graag factureren aan:\nKerkstraat 12\n1234 AB Utrecht\n\nBedankt!", "Kerkstraat 12, 1234 AB Utrecht"],
    ["Neue Adresse für Rechnungen: Gartenweg 3, 10115\nBerlin. Danke.", "Gartenweg 3, 10115 Berlin"],
    ["Adresse de facturation :\nRue de la Gare 15\n5000 Namur\nBelgique", "Rue de la Gare 15, 5000 Namur, Belgique"],
    ["New address: 7 Park Lane, Frankfurt am Main? No: Mainzer Landstraße 50, 60325 Frankfurt am Main.", "Mainzer Landstraße 50, 60325 Frankfurt am Main"],
  ])("%s → %s", (text, expected) => {
    expect(findNewAddress(text)).toBe(expected);
  });

  it("prefers the new address over the one called old", () => {
    expect(findNewAddress("Ons oude adres Kerkstraat 1, 1000 Brussel vervalt; nieuw adres: Nijverheidslaan 5, 2200 Herentals.")).toBe("Nijverheidslaan 5, 2200 Herentals");
    expect(findNewAddress("We moved from 3 Mill Lane, Bristol BS1 4DJ to 18 Queen Street, Bristol BS1 4AA.")).toBe("18 Queen Street, Bristol BS1 4AA");
  });

  it("does not run into the next sentence's capitalised word", () => {
    expect(findNewAddress("adres gewijzigd: Dorpsstraat 3, 2200 Herentals Wij betalen morgen.")).toBe("Dorpsstraat 3, 2200 Herentals");
  });

  it.each([
    ["IBAN BE62 7360 4412 8861, tel. 03 541 27 12, 2018 Antwerpen"],
    ["Wij zijn verhuisd, het adres volgt later."],
    ["Factuur 2024 1000 Brussel"],
    ["VF-2024-00653  06/09/2024  06/10/2024  236,31 EUR"],
    ["Sent: December 04, 2001 Can't reach you"],
    ["SIZE 3355, 4432 Out of quota"],
  ])("no address in %s", (text) => {
    expect(findNewAddress(text)).toBeNull();
  });

  it("lists every address with its position", () => {
    expect(findAddresses("A: Kerkstraat 1, 1000 Brussel. B: Rue Haute 2, 1000 Bruxelles.")).toEqual([
      { address: "Kerkstraat 1, 1000 Brussel", index: 3 },
      { address: "Rue Haute 2, 1000 Bruxelles", index: 34 },
    ]);
  });
});
