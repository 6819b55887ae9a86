import { describe, expect, it } from "vitest";
import { listFixtures, mailFromFixture } from "../../tests/helpers/mail-fixtures.ts";
import type { MailInput } from "../mail-input.ts";
import { detectAutoReply } from "./auto-reply.ts";
import { detectBounce } from "./bounce.ts";

const SISIMAI = "sisimai-set-of-emails/maildir/bsd";
const PHP = "php-bounce-handler/eml";

/** sisimai samples under lhost-/rhost-/rfc3464- that are not delivery failures, and why. */
const SISIMAI_NOT_BOUNCES: Record<string, string> = {
  "lhost-amazonses-11.eml": "Amazon SES 'Complaint' event: a feedback report (sisimai reason: feedback)",
  "lhost-amazonses-12.eml": "Amazon SES 'Delivery' event: a success notice (sisimai reason: delivered)",
  "lhost-amazonses-13.eml": "Amazon SES 'Delivery' event: a success notice (sisimai reason: delivered)",
  "rfc3464-28.eml": "DSN with Action: deliverable, Status: 2.1.5: a success report (sisimai reason: delivered)",
  "lhost-fml-02.eml": "fml mailing-list manager notice 'you are not a member': a list reply, not an MTA report",
  "lhost-fml-03.eml": "fml mailing-list manager 'Loop Alert: Duplicated Message-ID' notice",
};
/** php-bounce-handler files that are not bounces, besides the arf and fbl- ones. */
const PHP_NOT_BOUNCES: Record<string, string> = {
  "hotmailbounce.txt": "despite its name, a Hotmail feedback-loop complaint ('complaint about message from …')",
};

/** mailparser found no body at all (the anonymised sample's MIME boundaries are missing or mismatched). */
const unreadable = (m: MailInput) => !m.text?.trim() && !m.html?.trim() && !m.attachments.some((a) => a.text?.trim());

async function load(dir: string, files: string[]) {
  return Promise.all(files.map(async (f) => ({ file: f, mail: await mailFromFixture(dir, f) })));
}

describe("bounce detection on the real corpora", () => {
  it("finds ≥99 % of real bounces with a failed recipient, and no false bounces", async () => {
    const sisimaiBounceFiles = listFixtures(SISIMAI, (f) => /^(lhost|rhost|rfc3464)-/.test(f) && !(f in SISIMAI_NOT_BOUNCES));
    const phpBounceFiles = listFixtures(PHP, (f) => !/^(arf|fbl-)/.test(f) && !(f in PHP_NOT_BOUNCES));
    const bounces = [...(await load(SISIMAI, sisimaiBounceFiles)), ...(await load(PHP, phpBounceFiles))];

    const misses: string[] = [];
    const unreadableMisses: string[] = [];
    let detected = 0;
    let withRecipient = 0;
    for (const { file, mail } of bounces) {
      const r = detectBounce(mail);
      if (r.isBounce) detected++;
      if (r.isBounce && r.failedRecipient) withRecipient++;
      else (unreadable(mail) ? unreadableMisses : misses).push(`${file}: ${r.isBounce ? "no recipient" : "not detected"}`);
    }
    const readable = bounces.length - unreadableMisses.length;
    const rate = withRecipient / bounces.length;
    const readableRate = withRecipient / readable;
    console.log(
      `bounces: ${bounces.length} real (${sisimaiBounceFiles.length} sisimai, ${phpBounceFiles.length} php-bounce-handler); ` +
        `detected ${detected} (${((100 * detected) / bounces.length).toFixed(1)} %), with failedRecipient ${withRecipient} (${(100 * rate).toFixed(1)} %); ` +
        `on the ${readable} whose body mailparser can read: ${(100 * readableRate).toFixed(1)} %`,
    );
    console.log(`misses with a readable body: ${misses.length ? misses.join("; ") : "none"}`);
    console.log(`misses whose body mailparser cannot read: ${unreadableMisses.join("; ")}`);
    expect(readableRate).toBeGreaterThanOrEqual(0.99);
    expect(rate).toBeGreaterThanOrEqual(0.985);

    const negatives = [
      ...(await load(SISIMAI, listFixtures(SISIMAI, (f) => /^arf-/.test(f) || f in SISIMAI_NOT_BOUNCES))),
      ...(await load(PHP, listFixtures(PHP, (f) => /^(arf|fbl-)/.test(f) || f in PHP_NOT_BOUNCES))),
      ...(await load("sisimai-set-of-emails/maildir/not", ["is-not-bounce-01.eml", "is-not-bounce-02.eml"])),
      ...(await load(SISIMAI, listFixtures(SISIMAI, (f) => /^rfc3834-/.test(f)))),
    ];
    const falseBounces = negatives.filter(({ mail }) => detectBounce(mail).isBounce).map((x) => x.file);
    console.log(`non-bounces: ${negatives.length}, wrongly called bounce: ${falseBounces.length} ${falseBounces.join(", ")}`);
    expect(falseBounces).toEqual([]);
  });

  it("sisimai's maildir/not/rb-issue-368-bug.eml is, by its content, a 'Mailbox full' rejection", async () => {
    // sisimai keeps it under not/ as a parser-crash regression sample; the text is a postmaster
    // notice that the mail was rejected and discarded, so we do route it as a bounce.
    const r = detectBounce(await mailFromFixture("sisimai-set-of-emails/maildir/not", "rb-issue-368-bug.eml"));
    expect(r).toMatchObject({ isBounce: true, failedRecipient: "xxxx@yyyyyy.net" });
  });

  it("reads the DSN status and returned Message-ID on known samples", async () => {
    const exim = detectBounce(await mailFromFixture(SISIMAI, "lhost-exim-01.eml"));
    expect(exim).toMatchObject({ failedRecipient: "kijitora@example.ed.jp", status: "5.7.0", permanent: true });
    const postfix = detectBounce(await mailFromFixture(SISIMAI, "lhost-postfix-01.eml"));
    expect(postfix).toMatchObject({ failedRecipient: "r@p351355.pool.example.ne.jp", status: "5.1.1" });
    expect(postfix.originalRecipients).toContain("kijitora@example.org");
    const french = detectBounce(await mailFromFixture(SISIMAI, "lhost-exchange2007-06.eml"));
    expect(french).toMatchObject({ isBounce: true, permanent: true });
    const delayed = detectBounce(await mailFromFixture(PHP, "29.eml"));
    expect(delayed).toMatchObject({ isBounce: true, permanent: false });
    const internalRoute = detectBounce(await mailFromFixture(PHP, "12.eml"));
    expect(internalRoute.failedRecipient).toBe("andressaravia@fibertel.com.ar");
    expect(internalRoute.originalMessageId).toBe("<fe471ad4f1b90eb539ceb99ecb8bfd3f@ar1.outmailing.com>");
  });

  it("no bounce is taken for an auto-reply, even with Auto-Submitted: auto-replied", async () => {
    const bounces = await load(SISIMAI, listFixtures(SISIMAI, (f) => /^lhost-exim-/.test(f)));
    const autoReplies = bounces.filter(({ mail }) => detectAutoReply(mail).isAutoReply).map((x) => x.file);
    expect(autoReplies).toEqual([]);
  });
});
