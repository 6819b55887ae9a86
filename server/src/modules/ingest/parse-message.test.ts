import { describe, expect, it } from "vitest";
import { parseMessage } from "./parse-message.ts";

const headers = (contentType: string) =>
  [
    "From: AP <ap@meridian.example>",
    "To: debiteuren@brouwer-lefevre.example",
    "Subject: Payment advice",
    "Date: Fri, 14 Feb 2025 16:05:35 +0100",
    "Message-ID: <advice-1@meridian.example>",
    "MIME-Version: 1.0",
    `Content-Type: ${contentType}`,
  ].join("\r\n");

const TABLE =
  "<p>Please be advised that the following items have been paid.</p><table><tr><td>Payment date</td><td>14.02.2025</td></tr></table>" +
  "<table><tr><th>Your reference</th><th>Gross amount</th></tr><tr><td>VF-2024-00863</td><td>752.97</td></tr><tr><td>Total paid</td><td>752.97</td></tr></table>";

describe("parseMessage text of HTML mail", () => {
  it("an HTML-only mail gets one line per table row with the cells apart", async () => {
    const raw = Buffer.from(`${headers('text/html; charset="utf-8"')}\r\n\r\n${TABLE}\r\n`);
    const p = await parseMessage(raw, 1_000_000);
    expect(p.parseStatus).toBe("parsed");
    const lines = p.text!.split("\n");
    expect(lines).toContain("Payment date 14.02.2025");
    expect(lines).toContain("VF-2024-00863 752.97");
    expect(lines).toContain("Total paid 752.97");
    expect(p.html).toContain("<table>");
  });

  it("a mail with its own text/plain part keeps that text", async () => {
    const body = [
      "--b1",
      'Content-Type: text/plain; charset="utf-8"',
      "",
      "Paid on 14.02.2025: VF-2024-00863, 752.97 EUR.",
      "--b1",
      'Content-Type: text/html; charset="utf-8"',
      "",
      TABLE,
      "--b1--",
      "",
    ].join("\r\n");
    const p = await parseMessage(Buffer.from(`${headers('multipart/alternative; boundary="b1"')}\r\n\r\n${body}`), 1_000_000);
    expect(p.text?.trim()).toBe("Paid on 14.02.2025: VF-2024-00863, 752.97 EUR.");
  });
});
