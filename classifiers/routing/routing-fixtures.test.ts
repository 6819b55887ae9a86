import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesAvailable, FIXTURES_DIR, mailFromFixture } from "../../tests/helpers/mail-fixtures.ts";
import { routeEmail } from "./route.ts";
import { input } from "./test-kit.ts";

/**
 * Real third-party mail (read in place) routed against the small test ledger,
 * which none of it concerns: every assignment would be a wrong one. The whole
 * body counts as the sender's own text (no quote stripping: the harshest case
 * for false matches of names, customer and VAT numbers).
 */
function emlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...emlFiles(p));
    else if (name.endsWith(".eml")) out.push(p);
  }
  return out.sort();
}

describe("routing on unrelated real mail", () => {
  it("assigns none of it and never throws", async () => {
    // Missing fixtures are a failure, not a silent skip (as in the other corpus tests).
    expect(fixturesAvailable(), `mail corpus not found at ${FIXTURES_DIR}: set RELANCE_FIXTURES_DIR`).toBe(true);
    const files = emlFiles(FIXTURES_DIR);
    expect(files.length).toBeGreaterThan(100);
    const assigned: string[] = [];
    for (const file of files) {
      const mail = await mailFromFixture(path.relative(FIXTURES_DIR, file));
      for (const intent of ["question", "auto_reply", "bounce"] as const) {
        const d = routeEmail(input({ mail, senderText: mail.text ?? "", intent }));
        if (d.debtorId !== null) assigned.push(`${path.relative(FIXTURES_DIR, file)} (${intent}) → ${d.candidates[0].number}: ${d.candidates[0].reasons.join("; ")}`);
      }
    }
    expect(assigned).toEqual([]);
  });
});
