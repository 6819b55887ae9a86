import { describe, expect, it } from "vitest";
import { createHashingEmbedder, hashingEmbed, HASHING_EMBEDDER_ID } from "./hashing.ts";
import { createEmbedder, dot, EMBEDDING_DIMENSIONS, fitDimensions } from "./embedder.ts";
import { foldText, hashedFeatures, sparseDot } from "./text-features.ts";
import { EMBEDDING_DIMENSIONS as DB_DIMENSIONS } from "../../server/src/db/schema/message-embeddings.ts";
import { loadEnv } from "../../server/src/env.ts";

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

describe("text features", () => {
  it("folds case, accents, ligatures and digits", () => {
    expect(foldText("Réglement FACTURE n° 2024-0017, Straße – Œuvre")).toBe("reglement facture n 0000 0000 strasse oeuvre");
  });

  it("gives unit-length sparse vectors with sorted unique indices", () => {
    const v = hashedFeatures("Wij betalen de factuur volgende week", { dims: 1 << 18 });
    expect(v.idx.length).toBeGreaterThan(20);
    for (let i = 1; i < v.idx.length; i++) expect(v.idx[i]).toBeGreaterThan(v.idx[i - 1]);
    expect(sparseDot(v, v)).toBeCloseTo(1, 5);
  });
});

describe("hashing embedder", () => {
  const e = createHashingEmbedder();

  it("matches the database vector width", () => {
    expect(e.dimensions).toBe(DB_DIMENSIONS);
    expect(EMBEDDING_DIMENSIONS).toBe(DB_DIMENSIONS);
    expect(e.id).toBe(HASHING_EMBEDDER_ID);
  });

  it("returns one normalised 384-d vector per text, deterministically", async () => {
    const texts = ["Nous réglerons la facture F-1001 fin du mois.", "Please send a copy of invoice 1001", ""];
    const [a, b, empty] = await e.embed(texts);
    const again = await createHashingEmbedder().embed(texts);
    for (const v of [a, b, empty]) {
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(Array.from(again[0])).toEqual(Array.from(a));
    expect(dot(a, b)).toBeLessThan(0.5);
  });

  it("is insensitive to case and accents, and close for near-duplicates", () => {
    expect(dot(hashingEmbed("RÉGLEMENT À ÉCHÉANCE"), hashingEmbed("reglement a echeance"))).toBeCloseTo(1, 5);
    const a = hashingEmbed("Wij betalen factuur 2024-118 van 1.250,00 EUR op 15 maart.");
    const b = hashingEmbed("Wij betalen factuur 2023-907 van 980,50 EUR op 2 april.");
    const c = hashingEmbed("Sehr geehrte Damen und Herren, wir bestreiten die Rechnung wegen falscher Menge.");
    expect(dot(a, b)).toBeGreaterThan(0.6);
    expect(dot(a, c)).toBeLessThan(0.25);
  });

  it("embeds thousands of texts per second", async () => {
    const base = "Bonjour, nous avons bien reçu votre rappel concernant la facture {n}. Le paiement sera effectué le {d} par virement. Cordialement, la comptabilité fournisseurs.";
    const texts = Array.from({ length: 3000 }, (_, i) => base.replace("{n}", `F-${1000 + i}`).replace("{d}", `${(i % 28) + 1}/0${(i % 9) + 1}`));
    const t0 = performance.now();
    const out = await e.embed(texts);
    const perSecond = texts.length / ((performance.now() - t0) / 1000);
    console.log(`hashing-384: ${Math.round(perSecond)} texts/s (${base.length} chars each)`);
    expect(out).toHaveLength(3000);
    // ~5-8k/s on an idle 2-core machine; the bound only catches pathological
    // regressions, since CI shares the cores with other test workers.
    expect(perSecond).toBeGreaterThan(250);
  });
});

describe("createEmbedder / fitDimensions", () => {
  it("chooses by EMBEDDER", () => {
    expect(createEmbedder(loadEnv({})).id).toBe("hashing-384");
    expect(createEmbedder(loadEnv({ EMBEDDER: "transformers", TRANSFORMERS_MODEL: "x/y" })).id).toBe("transformers:x/y");
    expect(createEmbedder(loadEnv({ EMBEDDER: "openai", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" })).id).toBe(
      "openai:text-embedding-3-small",
    );
    expect(() => createEmbedder(loadEnv({ EMBEDDER: "openai" }))).toThrow(/OPENAI_BASE_URL/);
  });

  it("truncates wider vectors and re-normalises, pads narrower ones", () => {
    const wide = Array.from({ length: 768 }, (_, i) => (i % 7) - 3);
    const v = fitDimensions(wide);
    expect(v).toHaveLength(384);
    expect(norm(v)).toBeCloseTo(1, 5);
    expect(v[1] / v[0]).toBeCloseTo(wide[1] / wide[0], 5);
    const narrow = fitDimensions([3, 4]);
    expect(Array.from(narrow.slice(0, 3))).toEqual([expect.closeTo(0.6, 5), expect.closeTo(0.8, 5), 0]);
  });
});
