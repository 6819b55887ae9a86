/** German (Germany, Switzerland, Luxembourg) phrase bank: parts A and B (split to keep files short), with part C appended to the lists it extends. Index i with i % 4 === 3 of every list is test-only. */
import { appendBank, type PhraseBank } from "./types.ts";
import { deA } from "./de-a.ts";
import { deB } from "./de-b.ts";
import { deC } from "./de-c.ts";

export const de: PhraseBank = appendBank({ ...deA, ...deB }, deC);
