import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath, mailFromFixture } from "../../tests/helpers/mail-fixtures.ts";
import { htmlToText } from "./html-to-text.ts";
import { senderText, stripReply } from "./quote-strip.ts";

const read = (...p: string[]) => readFileSync(fixturePath(...p), "utf8");
const CRISP_REPLY = "crisp-email-reply-parser/test/fixtures";
const CRISP_FWD = "crisp-email-forward-parser/test/fixtures";
const WEBRIDGE = "webridge-email-reply-parser/dataset";
const TALON = "mailgun-talon/tests/fixtures";

/** Fixtures that are templates of the upstream test suite ([DATE]/[FROM] are substituted there). */
const CRISP_TEMPLATES = ["email_with_date_headers.txt", "email_with_from_headers.txt"];

/**
 * Expectations written by reading each fragment: text that must stay in the
 * body, text that must be gone from it, and where relevant the signature.
 */
const CRISP_EXPECT: Record<string, { body?: string; keep?: string[]; drop?: string[]; signature?: string }> = {
  "correct_sig.txt": { body: "this is an email with a correct -- signature.", signature: "--\nrick" },
  "email_1.txt": { keep: ["Hi folks", "I am currently using the Java HTTP API."], drop: ["riak-users mailing list"] },
  "email_2.txt": { keep: ["Hi,", "You can list the keys for the bucket"], drop: ["What is the best way to clear"] },
  "email_3.txt": { body: "Oh thanks.\n\nHaving the function would be great." },
  "email_4.txt": { body: "Awesome! I haven't had another problem with it." },
  "email_5.txt": { keep: ["One: Here's what I've got.", "This is the fourth bullet point", "for a while."] },
  "email_6.txt": { keep: ["I get proper rendering as well."], drop: ["Was this caching related"] },
  "email_19.txt": { keep: ["On Thursday, I get proper rendering."], drop: ["Was this caching related"] },
  "email_20.txt": { body: "On Thursday." },
  "email_2_1.txt": { body: "Outlook with a reply" },
  "email_blackberry.txt": { body: "Here is another email", signature: "Sent from my BlackBerry" },
  "email_iphone.txt": { body: "Here is another email", signature: "Sent from my iPhone" },
  "email_multi_word_sent_from_my_mobile_device.txt": { body: "Here is another email", signature: "Sent from my Verizon Wireless BlackBerry" },
  "email_sent_from_my_not_signature.txt": { keep: ["Sent from my desk, is much easier then my mobile phone."] },
  "email_bullets.txt": { keep: ["test 2 this should list second", "- and another"], drop: ["Give us an example"] },
  "email_custom_quote_header.txt": { body: "Thank you!" },
  "email_customer_quote_header_2.txt": { body: "Thank you very much." },
  "email_customer_quote_header_3.txt": { body: "bonjour,\nje n'ai pas eu de retour sur ma précision..\nmerci d'avance" },
  "email_emoji.txt": { body: "🎉" },
  "email_not_a_signature_2.txt": { keep: ["-- first point needs to be checked", "I hope you can check it", "Thanks!"] },
  "email_one_is_not_on.txt": { keep: ["Thank, this is really helpful.", "Locally (on development), when I run..."], drop: ["The good news"] },
  "email_reply_header.txt": { keep: ["This is the latest reply.", "On the other hand, it could happen TWICE!"], drop: ["Hey, Stranger", "mrmister again"] },
  "email_sent_from.txt": { body: "Hi it can happen to any texts you type, as long as you type in between words or paragraphs." },
  "email_thread.txt": { body: "This is new email reply in thread from bellow." },
  "email_tricky_1_on_false_positive.txt": { keep: ["On the surface", "On the other hand", "On average", "On a separate note"] },
  "email_tricky_2_url_with_wrote.txt": { keep: ["Check out this article", "patterns like \"wrote:\" in them."], signature: "Best regards,\nJohn" },
  "email_tricky_3_code_block.txt": { keep: ["// Sent from my custom mailer", "signature: '--\\nJohn Doe'", "Notice how the code"] },
  "email_tricky_4_from_in_body.txt": { keep: ["come from: john@example.com", "This is the actual message content."] },
  "email_tricky_6_regards_in_sentence.txt": { keep: ["with regards to the payment", "This is the actual content that should be visible."] },
  "email_tricky_7_multiple_dashes.txt": { keep: ["## Key Points", "The dashes above are markdown", "Also these equal signs"] },
  "email_tricky_8_sent_from_in_content.txt": { keep: ["sent from my iPhone app", "All messages are sent from the main server."] },
  "email_tricky_9_nested_quotes.txt": { body: "I agree with the points below." },
  "email_tricky_11_double_signature.txt": { body: "Thanks for your help!" },
  "email_tricky_13_timestamp_variations.txt": { keep: ["2024-01-15 14:30:25", "Jan 15, 2024 at 14:30", "not quote headers."] },
  "email_tricky_17_forward_header.txt": { body: "See the forwarded message below.", drop: ["forwarded content"] },
  "email_tricky_18_inline_reply.txt": { keep: ["I think option A is great.", "Option B has some drawbacks.", "Option C is not suitable"], drop: ["What about option B?"] },
  "email_tricky_19_quote_without_header.txt": { keep: ["I wanted to respond", "My response to the quoted text above.", "And my final thoughts."], drop: ["This is a quoted section"] },
  "email_tricky_20_html_entities.txt": { keep: ["&gt; 100 and &lt; 200", "&amp; symbols"], drop: ["Previous message"] },
  "email_unquoted_reply.txt": { body: "This is my reply." },
  "email_with_regards.txt": { keep: ["I still have the same problem", "Can you help?"], drop: ["CEO @ Acme"], signature: "Regards,\n\nJohn Doe\nCEO @ Acme !" },
  "email_zoho.txt": { body: "What is the best way to clear a Riak bucket of all key, values after\nrunning a test?" },
  "sig_no_empty_line.txt": { body: "this is an email with a signature with no empty line above.", signature: "--\nrick" },
};

describe("quote stripping on crisp-email-reply-parser fragments", () => {
  it("removes quote headers and quoted text in every language, keeps the reply", () => {
    const files = readdirSync(fixturePath(CRISP_REPLY)).filter((f) => f.endsWith(".txt") && !CRISP_TEMPLATES.includes(f)).sort();
    const failures: string[] = [];
    let lorem = 0, loremOk = 0, checked = 0, checkedOk = 0;
    for (const f of files) {
      const text = read(CRISP_REPLY, f);
      const r = stripReply(text);
      const problems: string[] = [];
      if (r.body.split("\n").some((l) => /^\s*>/.test(l))) problems.push("a '>' line in the body");
      // Most fragments are: five lines of lorem ipsum written by the sender, a quote header, the quoted message.
      if (text.startsWith("Fusce bibendum")) {
        lorem++;
        const reply = text.replace(/\r\n?/g, "\n").split("\n").slice(0, 5).join("\n").trim();
        if (r.body !== reply) problems.push(`body is not the 5-line reply: ${JSON.stringify(r.body.slice(-80))}`);
        else loremOk++;
      }
      const e = CRISP_EXPECT[f];
      if (e) {
        checked++;
        const before = problems.length;
        if (e.body !== undefined && r.body !== e.body) problems.push(`body ${JSON.stringify(r.body.slice(0, 120))}`);
        for (const k of e.keep ?? []) if (!r.body.includes(k)) problems.push(`lost "${k}"`);
        for (const d of e.drop ?? []) if (r.body.includes(d)) problems.push(`kept "${d}"`);
        if (e.signature !== undefined && r.signature !== e.signature) problems.push(`signature ${JSON.stringify(r.signature)}`);
        if (problems.length === before) checkedOk++;
      }
      if (problems.length) failures.push(`${f}: ${problems.join("; ")}`);
    }
    console.log(
      `crisp reply fragments: ${files.length} (${CRISP_TEMPLATES.length} upstream templates left out); ` +
        `lorem-reply fragments exact ${loremOk}/${lorem}; hand-checked fragments ${checkedOk}/${checked}; failures: ${failures.length ? failures.join(" | ") : "none"}`,
    );
    expect(lorem + checked).toBeGreaterThan(80);
    expect(failures).toEqual([]);
  });
});

describe("forward detection on crisp-email-forward-parser bodies", () => {
  const subjectOf = (f: string) => {
    const m = f.match(/^(.*?)_body(_variant_\d+)?\.txt$/)!;
    const client = m[1].replace(/_(?:[a-z]{2}|pt_br|cz)$/, "");
    for (const c of [`${m[1]}_subject${m[2] ?? ""}.txt`, `${m[1]}_subject.txt`, `${client}_subject.txt`]) {
      if (existsSync(fixturePath(CRISP_FWD, c))) return read(CRISP_FWD, c);
    }
    return null;
  };
  /** Without the mail's subject these can't be told from a reply with nothing written above the quote. */
  const NEEDS_SUBJECT = ["ionos_one_and_one_en_body.txt", "outlook_live_body.txt"];

  it("returns the forwarded message of a pure forward, and the sender's words otherwise", () => {
    const files = readdirSync(fixturePath(CRISP_FWD)).filter((f) => /_body(_variant_\d+)?\.txt$/.test(f)).sort();
    const failures: string[] = [];
    let pure = 0, pureOk = 0, own = 0, ownOk = 0;
    for (const f of files) {
      const text = read(CRISP_FWD, f);
      const r = stripReply(text, { subject: subjectOf(f) });
      const start = text.replace(/^\uFEFF/, "").trimStart();
      if (start.startsWith("Praesent suscipit") || start.startsWith("That's true!")) {
        own++;
        const expected = start.startsWith("That's true!") ? "That's true!" : "Praesent suscipit egestas hendrerit.\n\nAliquam eget dui dui.";
        if (r.body === expected && !r.forwarded && r.quoted) ownOk++;
        else failures.push(`${f}: own text ${JSON.stringify(r.body.slice(0, 80))}`);
        continue;
      }
      if (NEEDS_SUBJECT.includes(f)) {
        expect(r.quoteHeader, f).not.toBeNull();
        expect(r.body, f).toBe("");
        continue;
      }
      pure++;
      const ok = r.forwarded && r.body.startsWith("Aenean quis diam urna") && r.body.includes("Praesent ac ligula orci") && !r.body.includes("john.doe@acme.com");
      if (ok) pureOk++;
      else failures.push(`${f}: ${JSON.stringify(r.body.slice(0, 80))}`);
    }
    console.log(`crisp forwards: ${files.length} bodies; pure forwards recognised ${pureOk}/${pure}; own text above a forward/reply ${ownOk}/${own}; left out (no subject fixture): ${NEEDS_SUBJECT.join(", ")}`);
    expect(failures).toEqual([]);
  });
});

describe("webridge-email-reply-parser dataset (Dutch and English)", () => {
  it("recovers the base mail from every base × signature × quoted-reply combination", () => {
    const dir = (d: string) => readdirSync(fixturePath(WEBRIDGE, d)).sort().map((f) => ({ f, t: read(WEBRIDGE, d, f) }));
    const bases = dir("basemail").filter((x) => x.t.trim());
    const signatures = dir("signatures");
    const quotes = dir("quoted_reply");
    // The base mails' own "> " lines are quotes too.
    const norm = (s: string) => s.split("\n").filter((l) => !/^\s*>/.test(l)).join("\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
    let n = 0, exact = 0, quoteGone = 0, sigFound = 0, sigs = 0;
    for (const b of bases) for (const s of signatures) for (const q of quotes) {
      const r = stripReply([b.t.trim(), s.t.trim(), q.t.trim()].filter(Boolean).join("\n\n"));
      n++;
      if (norm(r.body) === norm(b.t)) exact++;
      const quotedLines = q.t.split("\n").map((l) => l.replace(/^[>\s]+/, "").trim()).filter((l) => l.length > 8);
      if (!quotedLines.some((l) => r.body.includes(l))) quoteGone++;
      if (s.t.trim()) {
        sigs++;
        if (r.signature.includes(s.t.trim().split("\n").pop()!.trim())) sigFound++;
      }
    }
    console.log(`webridge combinations: ${n}; body exactly the base mail ${exact} (${((100 * exact) / n).toFixed(1)} %); quoted reply removed ${quoteGone}; signature found ${sigFound}/${sigs}`);
    expect(quoteGone).toBe(n);
    expect(exact / n).toBeGreaterThanOrEqual(0.97);
    expect(sigFound / sigs).toBeGreaterThanOrEqual(0.95);
  });

  it("Dutch quote headers and signatures on their own", () => {
    expect(stripReply(`Prima, bedankt!\n\n${read(WEBRIDGE, "quoted_reply", "dutch.txt")}`).body).toBe("Prima, bedankt!");
    const sig = stripReply(`Factuur volgt.\n\n${read(WEBRIDGE, "signatures", "iphone_nl.txt")}`);
    expect(sig).toMatchObject({ body: "Factuur volgt.", signature: "Verstuurd vanaf mijn iPhone" });
    const greet = stripReply(`Betaling is onderweg.\n\n${read(WEBRIDGE, "signatures", "greetings_dutch.txt")}`);
    expect(greet.body).toBe("Betaling is onderweg.");
    expect(greet.signature).toMatch(/^Met vriendelijke groeten,\nRichard Lindhout/);
  });
});

describe("mailgun-talon replies", () => {
  it("standard replies from 12 clients: the reply is 'Hello'", async () => {
    const files = readdirSync(fixturePath(TALON, "standard_replies")).filter((f) => f.endsWith(".eml")).sort();
    const got = await Promise.all(files.map(async (f) => [f, senderText(await mailFromFixture(TALON, "standard_replies", f)).body] as const));
    const ok = got.filter(([, b]) => b === "Hello").length;
    console.log(`talon standard replies: ${ok}/${files.length} exactly "Hello"`);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(files.map((f) => [f, "Hello"])));
  });

  it("HTML replies from Outlook 2003-2010, Gmail, Thunderbird, Windows Mail, Hotmail, mail.ru, Yandex", () => {
    const files = readdirSync(fixturePath(TALON, "html_replies")).sort();
    const bodies = files.map((f) => [f, stripReply(htmlToText(read(TALON, "html_replies", f))).body] as const);
    const ok = bodies.filter(([, b]) => /^Hi\. I am fine\.\s+Thanks,\s+Alex$/.test(b)).length;
    console.log(`talon HTML replies: ${ok}/${files.length} reduced to the reply`);
    for (const [f, b] of bodies) {
      expect(b, f).toMatch(/^Hi\. I am fine\./);
      expect(b, f).not.toMatch(/How are you|Sasha|Alexander/);
    }
    expect(ok).toBe(files.length);
  });
});
