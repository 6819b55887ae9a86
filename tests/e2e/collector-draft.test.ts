import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { simpleParser } from "mailparser";
import type { Browser } from "playwright-core";
import { startServer, type RunningServer } from "./support/server.ts";
import { launchBrowser, login, newPage, screenshot } from "./support/browser.ts";
import { seedDemo } from "./support/demo-data.ts";
import { startSmtp, type TestSmtp } from "../helpers/smtp.ts";

/** A collector edits a prepared draft, approves and sends it; the mail arrives at a real SMTP server. */
describe("e2e: collector approves and sends a draft", () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ env: { SMTP_URL: smtp.url }, seed: (ctx) => seedDemo(ctx).then(() => undefined) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it("edits, approves and sends; the SMTP server receives it", async () => {
    const page = await newPage(browser, server.url);
    await login(page, server.users.collector);
    await page.goto("/#/drafts");
    const item = page.getByRole("button", { name: /Boulangerie Martin SARL.*Re: Contestation facture F2025-0020.*Dispute/s });
    await item.click();
    await page.getByRole("heading", { name: "Their email" }).waitFor();
    await expect(page.getByText("Nous contestons le prix unitaire", { exact: false }).isVisible()).resolves.toBe(true);
    await page.getByRole("heading", { name: "Ledger facts" }).waitFor();
    await screenshot(page, "collector-draft-review");

    const body = page.getByLabel("Message", { exact: true });
    const original = await body.inputValue();
    expect(original.length).toBeGreaterThan(40);
    await body.fill(`${original}\n\nPS: notre service commercial vous rappellera cette semaine.`);
    await page.getByRole("button", { name: "Approve and send" }).click();
    await page.getByText(/^Sent /).waitFor();
    await screenshot(page, "collector-draft-sent");

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(["compta@boulangerie-martin.fr"]);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe("Re: Contestation facture F2025-0020");
    expect(parsed.text).toContain("notre service commercial vous rappellera cette semaine");
    expect(parsed.from?.value[0].address).toBe("ar@acme.test");

    // The queue moved it: no longer waiting, listed as sent.
    await page.getByRole("button", { name: "Sent", exact: true }).click();
    await page.getByRole("button", { name: /Boulangerie Martin SARL.*Re: Contestation facture F2025-0020.*Dispute/s }).waitFor();
    await page.context().close();
  });

  it("a collector can reject a draft with a reason; a clerk cannot open the queue", async () => {
    const page = await newPage(browser, server.url);
    await login(page, server.users.collector);
    await page.goto("/#/drafts");
    await page.getByRole("button", { name: /Müller GmbH/ }).click();
    await page.getByLabel("Reason for rejecting").fill("Customer called, copy sent by post");
    await page.getByRole("button", { name: "Reject", exact: true }).click();
    await page.getByText("Rejected: Customer called, copy sent by post").waitFor();
    expect(smtp.received).toHaveLength(1);
    await page.context().close();

    const clerk = await newPage(browser, server.url);
    await login(clerk, server.users.clerk);
    await clerk.goto("/#/drafts");
    await clerk.getByTestId("not-allowed").waitFor();
    const status = await clerk.evaluate(() => fetch("/api/drafts/1/approve", { method: "POST" }).then((r) => r.status));
    expect(status).toBe(403);
    await clerk.context().close();
  });

  it("edits a proposed payment plan's schedule and accepts it", async () => {
    const page = await newPage(browser, server.url);
    await login(page, server.users.collector);
    await page.goto("/#/plans");
    const plan = page.getByRole("article").filter({ hasText: "Boulangerie Martin SARL" });
    await plan.getByRole("button", { name: "Edit schedule" }).click();
    await plan.getByLabel("Amount 1").fill("300.00");
    await plan.getByLabel("Amount 2").fill("200.00");
    // 300 + 200 + 220 ≠ 660: saving waits until it adds up.
    await expect(plan.getByRole("button", { name: "Save" }).isDisabled()).resolves.toBe(true);
    await plan.getByLabel("Amount 3").fill("160.00");
    await plan.getByRole("button", { name: "Save" }).click();
    await plan.getByRole("cell", { name: "€300.00" }).waitFor();
    await plan.getByRole("button", { name: "Accept plan" }).click();
    await plan.getByText("Accepted").waitFor();
    await screenshot(page, "collector-plan-accepted");
    const [row] = await server.ctx.database.query<{ amounts: string[] }>(
      (await import("drizzle-orm")).sql`select array_agg(amount::text order by seq) as amounts from plan_instalments`,
    );
    expect(row.amounts).toEqual(["300.00", "200.00", "160.00"]);
    await page.context().close();
  });
});
