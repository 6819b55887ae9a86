/** Dutch (Flemish and Netherlands) phrase bank: parts A and B (split to keep files short). Index i with i % 4 === 3 of every list is test-only. */
import type { PhraseBank } from "./types.ts";
import { nlA } from "./nl-a.ts";
import { nlB } from "./nl-b.ts";

export const nl: PhraseBank = { ...nlA, ...nlB };
