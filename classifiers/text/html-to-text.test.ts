import { describe, expect, it } from "vitest";
import { decodeEntities, dropQuotedHtml, htmlToText } from "./html-to-text.ts";

describe("htmlToText", () => {
  it("keeps line breaks for br/p/div/tr, drops style/script/comments, decodes entities", () => {
    const html = `<html><head><title>x</title><style>.a{color:red}</style><script>alert(1)</script></head><body><!-- c -->
      <p>Bonjour&nbsp;Madame,</p><div>Montant&nbsp;: 1&#8239;234,56&nbsp;&euro; &ndash; facture n&deg;&nbsp;1143</div>
      <table><tr><td>Facture</td><td>Montant</td></tr><tr><td>F-1143</td><td>1.234,56</td></tr></table>
      Zahlung f&uuml;r R&eacute;f. &amp; Co<br>Gr&uuml;&szlig;e &lt;x&gt;</body></html>`;
    const t = htmlToText(html);
    expect(t).toContain("Bonjour Madame,\n");
    expect(t).toContain("Montant : 1\u202f234,56 € – facture n° 1143");
    expect(t).toMatch(/Facture Montant/);
    expect(t).toMatch(/F-1143 1\.234,56/);
    expect(t).toContain("Zahlung für Réf. & Co\nGrüße <x>");
    expect(t).not.toMatch(/alert|color:red|<\/?(?:p|div|td)|title/i);
  });

  it("removes quote containers of Outlook, Gmail, Thunderbird and plain blockquotes", () => {
    expect(htmlToText(`<div>Réponse</div><div class="gmail_quote">Le lun. a écrit :<blockquote>ancien</blockquote></div>`)).toBe("Réponse");
    expect(htmlToText(`<p>Antwort</p><div id="divRplyFwdMsg">Von: x</div><div>alt</div>`)).toBe("Antwort");
    expect(htmlToText(`<p>Antwoord</p><blockquote type="cite">oud</blockquote><p>nog iets</p>`)).toBe("Antwoord");
    expect(htmlToText(`<p>Yes</p><blockquote>old <blockquote>older</blockquote> text</blockquote><p>after</p>`)).toBe("Yes\n\nafter");
    expect(htmlToText(`<p>Keep</p><blockquote>quoted</blockquote>`, { dropQuotes: false })).toBe("Keep\n\nquoted");
  });

  it("decodes numeric, hex and accented named entities", () => {
    expect(decodeEntities("&#233;&#xE8;&ecirc;&Auml;&ccedil;&oslash;&unknown;")).toBe("éèêÄçø&unknown;");
    expect(dropQuotedHtml(`a<hr id="stopSpelling">b`)).toBe("a");
  });
});
