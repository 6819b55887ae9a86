import { describe, it, expect } from "vitest";
import { login, newPage, screenshot } from "./support/browser.ts";
import { useDemoServerAndBrowser } from "./support/demo-suite.ts";
import { seedInbox } from "../helpers/seed-inbox.ts";

/** Keyboard triage, bulk actions, search, attachments, and new mail arriving live (SSE). */
describe("e2e: inbox keyboard, bulk, search and live mail", () => {
  const e2e = useDemoServerAndBrowser();

  it("j/k move through the list, x selects, e archives", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.clerk);
    const rows = page.locator("[data-message-id]");
    await rows.first().waitFor();
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-message-id")));
    await page.keyboard.press("j");
    await page.locator(`[data-message-id="${ids[0]}"].selected`).waitFor();
    await page.keyboard.press("j");
    await page.locator(`[data-message-id="${ids[1]}"].selected`).waitFor();
    await page.keyboard.press("k");
    await page.locator(`[data-message-id="${ids[0]}"].selected`).waitFor();
    await page.keyboard.press("x");
    await page.locator(`[data-message-id="${ids[0]}"].checked`).waitFor();
    await page.getByRole("toolbar", { name: "Bulk actions" }).waitFor();
    await page.keyboard.press("x");
    await page.getByRole("toolbar", { name: "Bulk actions" }).waitFor({ state: "detached" });
    // i and a jump to the correction controls.
    await page.keyboard.press("i");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("correct-intent");
    await page.keyboard.press("Escape");
    await page.keyboard.press("a");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("correct-debtor");
    await page.keyboard.press("Escape");
    // e archives the open message: it leaves the inbox, the next one is selected.
    await page.keyboard.press("e");
    await page.locator(`[data-message-id="${ids[0]}"]`).waitFor({ state: "detached" });
    await page.locator(`[data-message-id="${ids[1]}"].selected`).waitFor();
    await page.context().close();
  });

  it("bulk: select two and mark them done; the Done view has them", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.clerk);
    const views = page.getByRole("navigation", { name: "Views" });
    const doneBefore = Number(await views.locator('[data-view="done"] .count').textContent());
    await page.getByRole("checkbox", { name: /Select “Automatic reply: Invoice reminder”/ }).check();
    await page.getByRole("checkbox", { name: /Select “Undeliverable: Payment reminder”/ }).check();
    await page.getByText("2 selected").waitFor();
    await screenshot(page, "clerk-bulk-select");
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Mark done" }).click();
    await page.locator("[data-message-id]", { hasText: "Undeliverable: Payment reminder" }).waitFor({ state: "detached" });
    await expect.poll(async () => Number(await views.locator('[data-view="done"] .count').textContent())).toBe(doneBefore + 2);
    await views.locator('[data-view="done"]').click();
    await page.locator("[data-message-id]", { hasText: "Undeliverable: Payment reminder" }).waitFor();
    await page.context().close();
  });

  it("searches by invoice number, filters by language, and downloads attachments", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.clerk);
    await page.getByLabel("Search mail").fill("F2025-0020");
    await page.getByLabel("Search mail").press("Enter");
    await expect.poll(() => page.locator("[data-message-id] .subject").allTextContents()).toEqual(["Contestation facture F2025-0020"]);
    await page.getByLabel("Search mail").fill("");
    await page.getByRole("button", { name: "Filters" }).click();
    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => page.locator("[data-message-id] .subject").allTextContents()).toEqual(["Rechnungskopie RE F2025-0031"]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.locator("[data-message-id]", { hasText: "Payment advice 2025-06" }).getByRole("button").click();
    const link = page.getByRole("link", { name: "Download remittance-2025-06.pdf" });
    const download = await Promise.all([page.waitForEvent("download"), link.click()]).then(([d]) => d);
    expect(download.suggestedFilename()).toBe("remittance-2025-06.pdf");
    await screenshot(page, "clerk-message-attachment");
    await page.context().close();
  });

  it("new mail appears without a reload", async () => {
    const page = await newPage(e2e.browser, e2e.server.url);
    await login(page, e2e.server.users.clerk);
    await page.locator("[data-message-id]").first().waitFor();
    await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    const { messageIds } = await seedInbox(e2e.server.ctx, {
      messages: [{ subject: "Nouvelle facture contestée", from: "compta@boulangerie-martin.fr", intent: "dispute", confidence: 0.9, debtor: null, language: "fr", date: new Date() }],
    });
    e2e.server.ctx.events.emit("message.stored", { id: messageIds[0] });
    await page.locator(`[data-message-id="${messageIds[0]}"]`).waitFor({ timeout: 10_000 });
    await page.getByText("1 new since you opened this view").waitFor();
    await page.context().close();
  });
});
