import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dictionaries, translate } from "./index.ts";
import { en } from "./en.ts";
import { INTENTS } from "../intents.ts";
import { DRAFT_STATUSES } from "../../../../server/src/modules/drafts/schemas.ts";
import { DISPUTE_STATUSES } from "../../../../server/src/modules/disputes/schemas.ts";
import { PROMISE_STATUSES } from "../../../../server/src/modules/promises/schemas.ts";
import { PLAN_STATUSES } from "../../../../server/src/modules/payment-plans/schemas.ts";
import { ACCOUNT_UPDATE_STATUSES } from "../../../../server/src/modules/account-updates/schemas.ts";
import { DISPUTE_REASONS } from "../../../../classifiers/intents.ts";
import { ROLES } from "../roles.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
function* files(dir: string): Generator<string> {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(svelte|ts)$/.test(f) && !f.endsWith(".test.ts")) yield p;
  }
}

describe("i18n", () => {
  it("has every English key in French and Dutch, translated and with the same placeholders", () => {
    const keys = Object.keys(en);
    for (const locale of ["fr", "nl"] as const) {
      const dict = dictionaries[locale];
      expect(Object.keys(dict).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(dict[k as keyof typeof en]), `${locale} ${k}`).toEqual(ph(en[k as keyof typeof en]));
      }
    }
    // Not a copy of English: most strings differ.
    const same = keys.filter((k) => dictionaries.fr[k as keyof typeof en] === en[k as keyof typeof en]);
    expect(same.length).toBeLessThan(keys.length * 0.15);
  });

  it("fills placeholders and falls back to English, then to the key", () => {
    expect(translate("fr", "bulk.selected", { n: 3 })).toBe("3 sélectionné(s)");
    expect(translate("nl", "cls.confidence", { value: "93%" })).toBe("Zekerheid 93%");
    expect(translate("en", "inv.late", {})).toBe("{n} d late");
    expect(translate("nl", "no.such.key")).toBe("no.such.key");
  });

  it("labels every intent in every language", () => {
    for (const locale of ["en", "fr", "nl"] as const) {
      for (const intent of INTENTS) expect(translate(locale, `intent.${intent}`)).not.toBe(`intent.${intent}`);
    }
  });

  it("labels every status, reason and role the server sends", () => {
    const statuses = [...DRAFT_STATUSES, ...DISPUTE_STATUSES, ...PROMISE_STATUSES, ...PLAN_STATUSES, ...ACCOUNT_UPDATE_STATUSES, "pending", "partly_paid", "paid", "overdue"];
    const keys = [...statuses.map((s) => `status.${s}`), ...DISPUTE_REASONS.map((r) => `reason.${r}`), ...ROLES.map((r) => `role.${r}`)];
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it("knows every literal key the UI asks for", () => {
    const missing: string[] = [];
    for (const file of files(SRC)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([a-z]+\.[\w.]+)"/g)) if (!(m[1] in en)) missing.push(`${path.relative(SRC, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
