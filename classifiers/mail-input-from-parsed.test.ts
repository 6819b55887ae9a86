import { describe, expect, it } from "vitest";
import { parseMessage } from "../server/src/modules/ingest/parse-message.ts";
import { mailInputFromParsed } from "./mail-input-from-parsed.ts";
import { readFixture } from "../tests/helpers/mail-fixtures.ts";

describe("mailInputFromParsed", () => {
  it("carries fields, headers and attachment text, not attachment bytes", async () => {
    const parsed = await parseMessage(readFixture("sisimai-set-of-emails/maildir/bsd", "lhost-postfix-01.eml"), 10_000_000);
    const mail = mailInputFromParsed(parsed);
    expect(mail.subject).toBe("Undelivered Mail Returned to Sender");
    expect(mail.fromAddress).toBe(parsed.fromAddress);
    expect(mail.headers["content-type"]?.[0]).toMatch(/multipart\/report/);
    expect(mail.text).toContain("Final-Recipient: rfc822; r@p351355.pool.example.ne.jp");
    expect(mail.attachments.map((a) => a.contentType)).toEqual(parsed.attachments.map((a) => a.contentType));
    expect(mail.attachments.every((a) => !("content" in a))).toBe(true);
    expect(mail.date?.toISOString()).toBe(parsed.date?.toISOString());
  });
});
