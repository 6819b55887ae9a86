/** French (Belgium, France, Luxembourg, Romandy) phrase bank: parts A and B (split to keep files short). Index i with i % 4 === 3 of every list is test-only. */
import type { PhraseBank } from "./types.ts";
import { frA } from "./fr-a.ts";
import { frB } from "./fr-b.ts";

export const fr: PhraseBank = { ...frA, ...frB };
