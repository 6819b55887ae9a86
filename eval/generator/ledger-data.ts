/**
 * The invented creditor and its customers. Everything here is fictitious;
 * company domains use .example, free-mail addresses have made-up local parts.
 */
import type { Lang } from "./phrases/types.ts";

export const COMPANY = {
  name: "Brouwer & Lefèvre Distribution NV",
  short: "Brouwer & Lefèvre",
  domains: ["brouwer-lefevre.example", "bldistri.example"],
  arMailbox: "debiteuren@brouwer-lefevre.example",
  frMailbox: "comptabilite@brouwer-lefevre.example",
  address: "Noorderlaan 147, 2030 Antwerpen, België",
  vat: "BE 0478.215.936",
  rpr: "RPR Antwerpen",
  iban: "BE62 7360 4412 8861",
  iban2: "BE05 0017 3392 5475",
  bic: "KREDBEBB",
  phone: "+32 3 541 27 00",
  web: "www.brouwer-lefevre.example",
  /** Who signs our letters: nl/en/de from the Dutch mailbox, fr from the French one. */
  signers: {
    nl: { name: "Sofie Verstraeten", title: "Credit Controller", mailbox: "debiteuren@brouwer-lefevre.example", display: "Brouwer & Lefèvre Debiteuren" },
    en: { name: "Sofie Verstraeten", title: "Credit Controller", mailbox: "debiteuren@brouwer-lefevre.example", display: "Brouwer & Lefèvre Credit Control" },
    de: { name: "Sofie Verstraeten", title: "Debitorenbuchhaltung", mailbox: "debiteuren@brouwer-lefevre.example", display: "Brouwer & Lefèvre Debitoren" },
    fr: { name: "Julien Masson", title: "Gestionnaire crédit", mailbox: "comptabilite@brouwer-lefevre.example", display: "Comptabilité Brouwer & Lefèvre" },
  } as Record<Lang, { name: string; title: string; mailbox: string; display: string }>,
};

/** [email, name, role, language the person writes in (defaults to the debtor's)] */
export type ContactRow = [string, string, string, Lang?];

export interface DebtorRow {
  number: string;
  name: string;
  lang: Lang;
  country: string;
  vat: string;
  /** Legacy account number from the previous ERP, still quoted by some customers. */
  cust?: string;
  group?: string;
  /** Invoice size band: s (small shop), m, l. */
  size: "s" | "m" | "l";
  currency?: "GBP" | "CHF";
  contacts: ContactRow[];
  /** Postal address, used in signatures and address changes. */
  city: string;
}

export const GROUPS: Record<string, { name: string; ssc: string; sscName: string; lang: Lang[] }> = {
  vds: { name: "Vandersteen Retail Group", ssc: "ap@vdsgroup-ssc.example", sscName: "Vandersteen Group Shared Services", lang: ["nl", "en"] },
  marchal: { name: "Groupe Marchal", ssc: "factures-fournisseurs@marchal-services.example", sscName: "Marchal Services Partagés", lang: ["fr"] },
  hgh: { name: "Hoffmann Gastro Holding", ssc: "kreditoren@hgh-services.example", sscName: "HGH Services Sp. z o.o. (Wrocław)", lang: ["en", "de"] },
};

export const DEBTORS: DebtorRow[] = [
  // — Dutch-speaking: Flanders and the Netherlands —
  { number: "D10011", name: "Bakkerij Van Hove BV", lang: "nl", country: "BE", vat: "BE0437.512.208", size: "s", city: "9000 Gent", cust: "K-3108", contacts: [["boekhouding@bakkerijvanhove.example", "An Van Hove", "accounts_payable"], ["pieter@bakkerijvanhove.example", "Pieter Van Hove", "management"]] },
  { number: "D10014", name: "Frituur 't Pleintje", lang: "nl", country: "BE", vat: "BE0712.334.905", size: "s", city: "2800 Mechelen", contacts: [["frituur.pleintje@telenet.be", "Kurt Maes", "management"]] },
  { number: "D10017", name: "Hotel De Zeemeeuw NV", lang: "nl", country: "BE", vat: "BE0448.106.771", size: "m", city: "8400 Oostende", cust: "K-2291", contacts: [["facturen@dezeemeeuw.example", "Els Vermeulen", "accounts_payable"], ["jan.dewilde@dezeemeeuw.example", "Jan Dewilde", "purchasing"]] },
  { number: "D10019", name: "Schoonmaakbedrijf Claes & Zonen BV", lang: "nl", country: "BE", vat: "BE0861.470.319", size: "m", city: "3500 Hasselt", contacts: [["administratie@claes-zonen.example", "Lies Claes", "accounts_payable"], ["eric.claes@skynet.be", "Eric Claes", "management"]] },
  { number: "D10023", name: "Vandersteen Retail Antwerpen NV", lang: "nl", country: "BE", vat: "BE0402.998.114", group: "vds", size: "l", city: "2018 Antwerpen", contacts: [["ap@vdsgroup-ssc.example", "Accounts Payable VDS", "shared_service_centre"], ["tom.mertens@vandersteen-retail.example", "Tom Mertens", "purchasing"]] },
  { number: "D10024", name: "Vandersteen Retail Gent NV", lang: "nl", country: "BE", vat: "BE0402.998.312", group: "vds", size: "l", city: "9051 Gent", contacts: [["ap@vdsgroup-ssc.example", "Accounts Payable VDS", "shared_service_centre"], ["ines.desmet@vandersteen-retail.example", "Ines De Smet", "finance"]] },
  { number: "D10026", name: "Vandersteen Logistics BV", lang: "nl", country: "NL", vat: "NL859201734B01", group: "vds", size: "l", city: "5015 BK Tilburg", contacts: [["ap@vdsgroup-ssc.example", "Accounts Payable VDS", "shared_service_centre"], ["r.bakker@vdslogistics.example", "Ruud Bakker", "management"]] },
  { number: "D10029", name: "Groothandel Bosmans BV", lang: "nl", country: "NL", vat: "NL815467209B01", size: "m", city: "5611 AB Eindhoven", cust: "K-1876", contacts: [["crediteuren@bosmans-groothandel.example", "Petra van Dijk", "accounts_payable"]] },
  { number: "D10031", name: "Restaurant De Gouden Karper", lang: "nl", country: "NL", vat: "NL002317498B02", size: "s", city: "3512 JE Utrecht", contacts: [["degoudenkarper@hotmail.com", "Marieke Jansen", "management"]] },
  { number: "D10033", name: "Woonzorgcentrum Heidebloem vzw", lang: "nl", country: "BE", vat: "BE0419.225.637", size: "m", city: "2400 Mol", contacts: [["crediteuren@heidebloem.example", "Greet Peeters", "accounts_payable"], ["aankoop@heidebloem.example", "Bart Wouters", "purchasing"]] },
  { number: "D10036", name: "Slagerij Peeters", lang: "nl", country: "BE", vat: "BE0634.118.502", size: "s", city: "2200 Herentals", contacts: [["slagerij.peeters@telenet.be", "Dirk Peeters", "management"]] },
  { number: "D10038", name: "Van der Linden Facility Services BV", lang: "nl", country: "NL", vat: "NL853310462B01", size: "l", city: "3011 AD Rotterdam", cust: "K-0954", contacts: [["facturen@vdlfacility.example", "Sanne de Vries", "accounts_payable"], ["m.vanderlinden@vdlfacility.example", "Mark van der Linden", "management"]] },
  { number: "D10041", name: "Kinderopvang Het Bolleke", lang: "nl", country: "BE", vat: "BE0759.312.840", size: "s", city: "3000 Leuven", contacts: [["hetbolleke@gmail.com", "Hilde Jacobs", "management"]] },
  { number: "D10043", name: "Drukkerij Verbeke NV", lang: "nl", country: "BE", vat: "BE0441.930.256", size: "m", city: "8500 Kortrijk", contacts: [["boekhouding@drukkerijverbeke.example", "Nathalie Verbeke", "accounts_payable"]] },
  { number: "D10045", name: "Autobedrijf Smits BV", lang: "nl", country: "NL", vat: "NL809334126B01", size: "m", city: "6211 HK Maastricht", contacts: [["administratie@autosmits.example", "Yvonne Smits", "finance"]] },
  { number: "D10047", name: "Camping De Kempen", lang: "nl", country: "BE", vat: "BE0811.640.177", size: "s", city: "2460 Kasterlee", contacts: [["kempen.camping@outlook.com", "Luc Verhaegen", "management"]] },
  { number: "D10049", name: "Sportcentrum Blauwe Vijver vzw", lang: "nl", country: "BE", vat: "BE0455.871.093", size: "m", city: "8200 Brugge", cust: "K-3377", contacts: [["financien@blauwevijver.example", "Koen De Backer", "finance"]] },
  // — French-speaking: Wallonia, Brussels, France, Luxembourg, Romandy —
  { number: "D10052", name: "Boulangerie Dumont SRL", lang: "fr", country: "BE", vat: "BE0721.448.093", size: "s", city: "5000 Namur", contacts: [["boulangerie.dumont@skynet.be", "Michel Dumont", "management"]] },
  { number: "D10054", name: "Hôtel Les Tilleuls SA", lang: "fr", country: "BE", vat: "BE0426.339.581", size: "m", city: "4900 Spa", cust: "K-2045", contacts: [["comptabilite@hotel-lestilleuls.example", "Valérie Lambert", "accounts_payable"], ["direction@hotel-lestilleuls.example", "Olivier Renard", "management"]] },
  { number: "D10057", name: "Marchal Propreté SAS", lang: "fr", country: "FR", vat: "FR47512334871", group: "marchal", size: "l", city: "59000 Lille", contacts: [["factures-fournisseurs@marchal-services.example", "Service Comptabilité Fournisseurs", "shared_service_centre"], ["c.marchal@marchal-proprete.example", "Christophe Marchal", "management"]] },
  { number: "D10058", name: "Marchal Hygiène Nord SARL", lang: "fr", country: "FR", vat: "FR63799214460", group: "marchal", size: "m", city: "62000 Arras", contacts: [["factures-fournisseurs@marchal-services.example", "Service Comptabilité Fournisseurs", "shared_service_centre"]] },
  { number: "D10061", name: "Brasserie du Parvis SRL", lang: "fr", country: "BE", vat: "BE0687.205.419", size: "s", city: "4000 Liège", contacts: [["contact@brasserieduparvis.example", "Amélie Gilson", "management"]] },
  { number: "D10063", name: "EHPAD Les Glycines", lang: "fr", country: "FR", vat: "FR21448390127", size: "m", city: "51100 Reims", cust: "K-1502", contacts: [["compta@ehpad-glycines.example", "Nadia Benali", "accounts_payable"], ["economat@ehpad-glycines.example", "Francis Roux", "purchasing"]] },
  { number: "D10066", name: "Nettoyage Express Lefort", lang: "fr", country: "FR", vat: "FR80832117935", size: "s", city: "57000 Metz", contacts: [["nettoyage.lefort@orange.fr", "Patrick Lefort", "management"]] },
  { number: "D10068", name: "Restaurant Chez Mireille", lang: "fr", country: "FR", vat: "FR36401229876", size: "s", city: "67000 Strasbourg", contacts: [["chezmireille@free.fr", "Mireille Koenig", "management"]] },
  { number: "D10071", name: "Clinique Saint-Rémy ASBL", lang: "fr", country: "BE", vat: "BE0410.553.762", size: "l", city: "1040 Etterbeek", cust: "K-0733", contacts: [["fournisseurs@clinique-saintremy.example", "Sandrine Collard", "accounts_payable"], ["achats@clinique-saintremy.example", "Marc Thiry", "purchasing"]] },
  { number: "D10073", name: "Traiteur Delcourt SA", lang: "fr", country: "BE", vat: "BE0458.901.334", size: "m", city: "7000 Mons", contacts: [["compta@traiteur-delcourt.example", "Isabelle Delcourt", "finance"]] },
  { number: "D10075", name: "Lavage Auto Moreno SàRL", lang: "fr", country: "LU", vat: "LU27190345", size: "s", city: "L-4030 Esch-sur-Alzette", contacts: [["lavage.moreno@gmail.com", "Paulo Moreno", "management"]] },
  { number: "D10078", name: "Cuisines Collectives du Léman SA", lang: "fr", country: "CH", vat: "CHE-114.302.879 TVA", currency: "CHF", size: "l", city: "1004 Lausanne", contacts: [["comptabilite@ccleman.example", "Claire Favre", "accounts_payable"]] },
  { number: "D10080", name: "Hôtel du Lac Bleu SA", lang: "fr", country: "CH", vat: "CHE-268.441.905 TVA", currency: "CHF", size: "m", city: "2000 Neuchâtel", contacts: [["admin@hoteldulacbleu.example", "Yves Perrenoud", "finance"]] },
  { number: "D10082", name: "Supermarché Bellevue SAS", lang: "fr", country: "FR", vat: "FR59519884302", size: "l", city: "69003 Lyon", cust: "K-2610", contacts: [["comptabilite.fournisseurs@supermarche-bellevue.example", "Laetitia Fabre", "accounts_payable"]] },
  { number: "D10085", name: "Crèche Les Petits Loups ASBL", lang: "fr", country: "BE", vat: "BE0840.227.615", size: "s", city: "1300 Wavre", contacts: [["petitsloups.creche@hotmail.com", "Caroline Hubert", "management"]] },
  { number: "D10087", name: "Ferme de la Hesbaye", lang: "fr", country: "BE", vat: "BE0698.412.057", size: "s", city: "4280 Hannut", contacts: [["ferme.hesbaye@outlook.com", "Jean-Luc Piron", "management"]] },
  { number: "D10089", name: "Imprimerie Wauters SA", lang: "fr", country: "BE", vat: "BE0433.760.218", size: "m", city: "6000 Charleroi", contacts: [["factures@imprimerie-wauters.example", "Sophie Wauters", "accounts_payable"]] },
  // — German-speaking: Germany, Switzerland, Luxembourg —
  { number: "D10092", name: "Hoffmann Gastro Köln GmbH", lang: "de", country: "DE", vat: "DE287114539", group: "hgh", size: "l", city: "50667 Köln", contacts: [["kreditoren@hgh-services.example", "Kreditorenbuchhaltung HGH", "shared_service_centre", "en"], ["s.hoffmann@hoffmann-gastro.example", "Stefan Hoffmann", "management"]] },
  { number: "D10093", name: "Hoffmann Gastro Düsseldorf GmbH", lang: "de", country: "DE", vat: "DE301228746", group: "hgh", size: "l", city: "40213 Düsseldorf", contacts: [["kreditoren@hgh-services.example", "Kreditorenbuchhaltung HGH", "shared_service_centre", "en"]] },
  { number: "D10095", name: "Bäckerei Schulte", lang: "de", country: "DE", vat: "DE814402337", size: "s", city: "52062 Aachen", contacts: [["baeckerei.schulte@web.de", "Monika Schulte", "management"]] },
  { number: "D10098", name: "Reinigungsdienst Krause GmbH", lang: "de", country: "DE", vat: "DE266019854", size: "m", city: "41061 Mönchengladbach", cust: "K-1199", contacts: [["buchhaltung@krause-reinigung.example", "Jürgen Krause", "finance"], ["einkauf@krause-reinigung.example", "Sabine Lorenz", "purchasing"]] },
  { number: "D10100", name: "Hotel Sonnenhof GmbH", lang: "de", country: "DE", vat: "DE193385610", size: "m", city: "52064 Aachen", contacts: [["rechnungen@sonnenhof-aachen.example", "Katrin Vogel", "accounts_payable"]] },
  { number: "D10103", name: "Metzgerei Wagner", lang: "de", country: "DE", vat: "DE275530198", size: "s", city: "54290 Trier", contacts: [["metzgerei-wagner@gmx.de", "Helmut Wagner", "management"]] },
  { number: "D10105", name: "Pflegeheim St. Anna gGmbH", lang: "de", country: "DE", vat: "DE118824705", size: "l", city: "47051 Duisburg", cust: "K-0688", contacts: [["kreditoren@st-anna-pflege.example", "Birgit Neumann", "accounts_payable"], ["einkauf@st-anna-pflege.example", "Thomas Berger", "purchasing"]] },
  { number: "D10107", name: "Getränkehandel Becker OHG", lang: "de", country: "DE", vat: "DE241776023", size: "m", city: "53111 Bonn", contacts: [["info@becker-getraenke.example", "Uwe Becker", "management"]] },
  { number: "D10110", name: "Kantine Zürich-Nord AG", lang: "de", country: "CH", vat: "CHE-305.117.642 MWST", currency: "CHF", size: "m", city: "8050 Zürich", contacts: [["kreditoren@kantine-zn.example", "Reto Baumann", "accounts_payable"]] },
  { number: "D10112", name: "Gasthof Zum Löwen", lang: "de", country: "CH", vat: "CHE-441.209.376 MWST", currency: "CHF", size: "s", city: "6004 Luzern", contacts: [["gasthof.loewen@bluewin.ch", "Urs Felder", "management"]] },
  { number: "D10114", name: "Autohaus Richter GmbH", lang: "de", country: "DE", vat: "DE309441275", size: "m", city: "66111 Saarbrücken", contacts: [["buchhaltung@autohaus-richter.example", "Claudia Richter", "finance"]] },
  { number: "D10117", name: "Wäscherei Meyer & Co. KG", lang: "de", country: "LU", vat: "LU19832074", size: "m", city: "L-6401 Echternach", contacts: [["buero@waescherei-meyer.example", "Andrea Meyer", "accounts_payable"]] },
  // — English-speaking: UK and international companies —
  { number: "D10120", name: "Harrington Catering Ltd", lang: "en", country: "GB", vat: "GB284133907", currency: "GBP", size: "l", city: "London SE1 9PX", cust: "K-2877", contacts: [["accounts@harrington-catering.example", "Priya Shah", "accounts_payable"], ["d.harrington@harrington-catering.example", "David Harrington", "management"]] },
  { number: "D10122", name: "The Red Lion Inn", lang: "en", country: "GB", vat: "GB391004512", currency: "GBP", size: "s", city: "Canterbury CT1 2RA", contacts: [["redlion.canterbury@outlook.com", "Gareth Hughes", "management"]] },
  { number: "D10125", name: "Northgate Facilities Management Ltd", lang: "en", country: "GB", vat: "GB227840913", currency: "GBP", size: "l", city: "Leeds LS1 4DY", contacts: [["purchase.ledger@northgate-fm.example", "Emma Clarke", "accounts_payable"], ["ops@northgate-fm.example", "Liam Foster", "purchasing"]] },
  { number: "D10127", name: "Brightclean Services Ltd", lang: "en", country: "GB", vat: "GB305662718", currency: "GBP", size: "m", city: "Bristol BS1 5TR", contacts: [["finance@brightclean.example", "Hannah Lewis", "finance"]] },
  { number: "D10129", name: "Sunrise Care Homes Ltd", lang: "en", country: "GB", vat: "GB190245378", currency: "GBP", size: "m", city: "Brighton BN1 3XE", cust: "K-3021", contacts: [["invoices@sunrisecare.example", "Rachel Moore", "accounts_payable"]] },
  { number: "D10132", name: "Ellis & Byrne Hospitality Ltd", lang: "en", country: "GB", vat: "GB412867059", currency: "GBP", size: "m", city: "Manchester M2 4WU", contacts: [["accountspayable@ellisbyrne.example", "Sean Byrne", "finance"]] },
  { number: "D10134", name: "Castlegate Hotel Ltd", lang: "en", country: "GB", vat: "GB338125940", currency: "GBP", size: "m", city: "Edinburgh EH1 2NG", contacts: [["finance@castlegatehotel.example", "Fiona Campbell", "finance"]] },
  { number: "D10136", name: "Nordic Food Hall Brussels SA", lang: "en", country: "BE", vat: "BE0769.552.041", size: "m", city: "1000 Brussel", contacts: [["ap@nordicfoodhall.example", "Erik Lindqvist", "accounts_payable"]] },
  { number: "D10139", name: "Meridian Offices Luxembourg SARL", lang: "en", country: "LU", vat: "LU30417752", size: "l", city: "L-1855 Luxembourg", cust: "K-2390", contacts: [["payables@meridian-offices.example", "Ana Ferreira", "accounts_payable"]] },
  { number: "D10141", name: "Atlas Event Services BV", lang: "en", country: "NL", vat: "NL862245119B01", size: "m", city: "1017 CT Amsterdam", contacts: [["finance@atlasevents.example", "Julia Novak", "finance"]] },
  { number: "D10143", name: "Greenleaf Labs GmbH", lang: "en", country: "DE", vat: "DE327715084", size: "m", city: "10997 Berlin", contacts: [["accounting@greenleaf-labs.example", "Maya Goldberg", "finance"]] },
  { number: "D10146", name: "Wilson's Bakery", lang: "en", country: "GB", vat: "GB295031846", currency: "GBP", size: "s", city: "York YO1 7HH", contacts: [["wilsonsbakery.york@gmail.com", "Tom Wilson", "management"]] },
  { number: "D10148", name: "Kingsway Schools Trust", lang: "en", country: "GB", vat: "GB176409328", currency: "GBP", size: "l", city: "Reading RG1 1JX", contacts: [["accounts.payable@kingsway-trust.example", "Olivia Grant", "accounts_payable"]] },
  { number: "D10150", name: "Geneva Conference Centre SA", lang: "en", country: "CH", vat: "CHE-190.338.207 TVA", currency: "CHF", size: "l", city: "1202 Genève", contacts: [["ap@gcc-geneva.example", "Lucas Meier", "accounts_payable"]] },
];

export const FREEMAIL = ["gmail.com", "hotmail.com", "outlook.com", "orange.fr", "telenet.be", "skynet.be", "web.de", "gmx.de", "free.fr", "bluewin.ch", "yahoo.co.uk"];
