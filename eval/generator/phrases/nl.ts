/** Dutch (Flemish and Netherlands) phrase bank: parts A and B (split to keep files short), with part C appended to the lists it extends. Index i with i % 4 === 3 of every list is test-only. */
import { appendBank, type PhraseBank } from "./types.ts";
import { nlA } from "./nl-a.ts";
import { nlB } from "./nl-b.ts";
import { nlC } from "./nl-c.ts";

export const nl: PhraseBank = appendBank({ ...nlA, ...nlB }, nlC);
