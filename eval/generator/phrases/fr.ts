/** French (Belgium, France, Luxembourg, Romandy) phrase bank: parts A and B (split to keep files short), with part C appended to the lists it extends. Index i with i % 4 === 3 of every list is test-only. */
import { appendBank, type PhraseBank } from "./types.ts";
import { frA } from "./fr-a.ts";
import { frB } from "./fr-b.ts";
import { frC } from "./fr-c.ts";

export const fr: PhraseBank = appendBank({ ...frA, ...frB }, frC);
