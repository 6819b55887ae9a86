import { describe, expect, it } from "vitest";
import { domainOf, findForwardedSender, firstEmail, onDomains, parentDomains, withoutSubaddress } from "./addresses.ts";

const OURS = ["acme.example"];

describe("address helpers", () => {
  it("domains, subdomains, parents, sub-addresses", () => {
    expect(domainOf("A@Mail.Example.COM.")).toBe("mail.example.com");
    expect(onDomains("mail.acme.example", OURS)).toBe(true);
    expect(onDomains("notacme.example", OURS)).toBe(false);
    expect(parentDomains("a.b.example.com")).toEqual(["b.example.com", "example.com"]);
    expect(withoutSubaddress("ap+inv@x.example")).toBe("ap@x.example");
    expect(firstEmail('"Doe, Jane" <Jane.Doe@X.example>')).toBe("jane.doe@x.example");
  });

  it("finds the customer in a forwarded header block (en, nl, fr, de, Outlook mailto)", () => {
    const cases: Array<[string, string]> = [
      ["---------- Forwarded message ---------\nFrom: Jane Doe <jane@northwind.example>\nDate: Mon", "jane@northwind.example"],
      ["-------- Doorgestuurd bericht --------\nVan: An <an@vanhove.example>", "an@vanhove.example"],
      ["-----Message d'origine-----\nDe : Sophie Martin [mailto:compta@martin.example]\nEnvoyé : lundi", "compta@martin.example"],
      ["Von: Petra Neu <p.neu@hoffmann.example>\nGesendet: Montag", "p.neu@hoffmann.example"],
      ["> Le 4 nov. 2024 à 10:00, Sophie <compta@martin.example> a écrit :\n> texte", "compta@martin.example"],
      ["Op 4 nov. 2024 om 10:00 schreef An <an@vanhove.example>:", "an@vanhove.example"],
    ];
    for (const [text, email] of cases) expect(findForwardedSender(text, OURS), text).toBe(email);
  });

  it("skips our own addresses in quoted headers and finds nothing when there is no header", () => {
    const text = "From: Sales <sales@acme.example>\n\nFrom: Buyer <buyer@client.example>";
    expect(findForwardedSender(text, OURS)).toBe("buyer@client.example");
    expect(findForwardedSender("From: Sales <sales@acme.example>", OURS)).toBeNull();
    expect(findForwardedSender("Please call me on monday, de facto", OURS)).toBeNull();
  });
});
