import { describe, expect, it } from "vitest";
import { trainIntentModel, withEmbeddings, INTENT_MODEL_ALGO } from "./intent-model.ts";
import { INTENTS } from "../intents.ts";
import { createHashingEmbedder, hashingEmbed } from "../embedders/hashing.ts";
import { syntheticExamples } from "../../tests/helpers/synthetic-intent-examples.ts";

const accuracy = (m: ReturnType<typeof trainIntentModel>, xs: Array<{ text: string; intent: string }>) =>
  xs.filter((x) => m.predict(x.text).intent === x.intent).length / xs.length;

describe("local intent model", () => {
  // Templates 0 and 1 of every intent × language for training; template 2 is unseen.
  const train = syntheticExamples(6, 1, [0, 1]);
  const unseenTemplates = syntheticExamples(2, 2, [2]);
  const seenTemplates = syntheticExamples(2, 3, [0, 1]);

  it("learns nl/fr/de/en intents and generalises to unseen phrasings", () => {
    const m = trainIntentModel(train);
    expect(accuracy(m, seenTemplates)).toBeGreaterThan(0.97);
    // Chance is 1/11; the held-out templates share cues, not sentences.
    expect(accuracy(m, unseenTemplates)).toBeGreaterThan(0.7);
    const p = m.predict("Beste, wij betalen factuur 2024-77 op 30/6/2025. Groeten, Peeters");
    expect(p.intent).toBe("payment_promise");
    expect(p.source).toBe("model");
    expect(Object.keys(p.probabilities)).toEqual([...INTENTS]);
    const total = Object.values(p.probabilities).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(p.confidence).toBe(p.probabilities.payment_promise);
  });

  it("is deterministic, and its version follows the training data", () => {
    const small = train.filter((_, i) => i % 3 === 0);
    const a = trainIntentModel(small, { seed: 7 });
    const b = trainIntentModel(small, { seed: 7 });
    const text = "Nous contestons la quantité facturée sur la facture 4455.";
    expect(b.predict(text).probabilities).toEqual(a.predict(text).probabilities);
    expect(a.version).toBe(b.version);
    expect(a.version).toMatch(new RegExp(`^${INTENT_MODEL_ALGO}\\+[0-9a-f]{8}$`));
    expect(trainIntentModel(small.slice(1), { seed: 7 }).version).not.toBe(a.version);
    expect(trainIntentModel(small, { seed: 8 }).version).not.toBe(a.version);
  });

  it("learn() changes predictions at once, for the mail and for near-duplicates", () => {
    const m = trainIntentModel(train);
    const versionBefore = m.version;
    // A remittance phrasing absent from the training templates.
    const text = "Bonjour, le virement pour F5678 est parti ce matin de notre banque.";
    const before = m.predict(text);
    expect(before.intent).not.toBe("payment_notice");
    m.learn({ text, intent: "payment_notice", language: "fr" });

    const after = m.predict(text);
    expect(after.intent).toBe("payment_notice");
    expect(after.source).toBe("memory");
    expect(after.confidence).toBeGreaterThan(0.9);
    // Same template, other numbers: the memory still matches.
    const sibling = m.predict("Bonjour, le virement pour F1020 est parti ce matin de notre banque.");
    expect(sibling.intent).toBe("payment_notice");
    // The regression itself moved towards the correction (memory switched off),
    // gently: large online steps cost accuracy on the next mails (eval --feedback).
    expect(m.predict(text, { useMemory: false }).probabilities.payment_notice).toBeGreaterThan(before.probabilities.payment_notice);

    expect(m.learnedExamples).toBe(1);
    expect(m.version).not.toBe(versionBefore);
    expect(m.version.startsWith(versionBefore)).toBe(true);
    // Other intents are not wrecked by one correction.
    expect(accuracy(m, seenTemplates)).toBeGreaterThan(0.95);
  });

  it("a later correction of the same mail overrides the earlier one", () => {
    const m = trainIntentModel(train);
    const text = "Wir haben heute Morgen das Geld für Rechnung 4455 angewiesen.";
    m.learn({ text, intent: "question" });
    expect(m.predict(text).intent).toBe("question");
    m.learn({ text, intent: "payment_notice" });
    expect(m.predict(text).intent).toBe("payment_notice");
  });

  it("starts from nothing and learns from corrections alone", () => {
    const m = trainIntentModel([]);
    const first = m.predict("Wij betwisten de factuur");
    expect(first.confidence).toBeCloseTo(1 / INTENTS.length, 6);
    m.learn({ text: "Wij betwisten factuur 1001, de prijs klopt niet.", intent: "dispute" });
    m.learn({ text: "Graag een kopie van factuur 1002.", intent: "document_request" });
    expect(m.predict("Wij betwisten factuur 3003, de prijs klopt niet!").intent).toBe("dispute");
    expect(m.predict("Graag een kopie van factuur 7.", { useMemory: false }).intent).toBe("document_request");
  });

  it("blends a kNN vote over embeddings when the mail's embedding is given", async () => {
    const withEmb = await withEmbeddings(train, createHashingEmbedder());
    expect(withEmb[3].embedding).toEqual(hashingEmbed(train[3].text));
    const m = trainIntentModel(withEmb, { knnWeight: 0.5 });
    const text = unseenTemplates[5].text;
    const plain = m.predict(text);
    const blended = m.predict(text, { embedding: hashingEmbed(text) });
    expect(blended.knnTopSimilarity).toBeGreaterThan(0);
    expect(blended.probabilities).not.toEqual(plain.probabilities);
    const total = Object.values(blended.probabilities).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    const acc = unseenTemplates.filter((x) => m.predict(x.text, { embedding: hashingEmbed(x.text) }).intent === x.intent).length;
    expect(acc / unseenTemplates.length).toBeGreaterThan(0.7);
  });

  it("blends the pseudo-word regression into the receivables intents only", () => {
    // Texts as mailTexts() writes them: words, then the pseudo-words of model-features.ts.
    const signals: Record<string, string> = { payment_promise: "xcuepaymentpromise xpayfuture", payment_notice: "xcuepaymentnotice xpaypast", other: "xfeatunknownsender" };
    const withSignals = train.map((e) => ({ ...e, text: `${e.text}\n${signals[e.intent] ?? `xcue${e.intent.replace(/_/g, "")}`}` }));
    const blended = trainIntentModel(withSignals);
    const textOnly = trainIntentModel(withSignals, { signalBlend: 0 });
    // Words of a payment notice, pseudo-words of a promise: the blend must lean towards the promise.
    const text = "Hallo, die Rechnung wurde gestern überwiesen.\nxcuepaymentpromise xpayfuture";
    const a = blended.predict(text).probabilities;
    const b = textOnly.predict(text).probabilities;
    expect(a).not.toEqual(b);
    // No cue is no evidence for "other": its probability stays the text model's.
    expect(a.other).toBeCloseTo(b.other, 9);
    expect(Object.values(a).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(a.payment_promise).toBeGreaterThan(b.payment_promise);
  });

  it("trains on ~1,000 examples in seconds", () => {
    const big = syntheticExamples(12, 4, [0, 1, 2]).slice(0, 1000);
    expect(big).toHaveLength(1000);
    const m = trainIntentModel(big);
    console.log(`intent model: trained on ${m.trainedExamples} examples in ${Math.round(m.trainingMs)} ms`);
    expect(m.trainingMs).toBeLessThan(15_000);
    const t0 = performance.now();
    for (const x of unseenTemplates) m.predict(x.text);
    const perPredictMs = (performance.now() - t0) / unseenTemplates.length;
    const t1 = performance.now();
    for (const x of unseenTemplates.slice(0, 20)) m.learn(x);
    const perLearnMs = (performance.now() - t1) / 20;
    console.log(`intent model: ${perPredictMs.toFixed(2)} ms per prediction, ${perLearnMs.toFixed(2)} ms per learn()`);
    expect(perPredictMs).toBeLessThan(20);
    expect(perLearnMs).toBeLessThan(50);
  });

  it("rejects an unknown intent label", () => {
    expect(() => trainIntentModel([{ text: "x", intent: "nope" as never }])).toThrow(/unknown intent/);
  });
});
