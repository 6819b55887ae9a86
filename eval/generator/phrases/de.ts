/** German (Germany, Switzerland, Luxembourg) phrase bank: parts A and B (split to keep files short). Index i with i % 4 === 3 of every list is test-only. */
import type { PhraseBank } from "./types.ts";
import { deA } from "./de-a.ts";
import { deB } from "./de-b.ts";

export const de: PhraseBank = { ...deA, ...deB };
