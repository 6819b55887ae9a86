/** English (UK and international companies, shared-service centres) phrase bank: parts A and B (split to keep files short), with part C appended to the lists it extends. Index i with i % 4 === 3 of every list is test-only. */
import { appendBank, type PhraseBank } from "./types.ts";
import { enA } from "./en-a.ts";
import { enB } from "./en-b.ts";
import { enC } from "./en-c.ts";

export const en: PhraseBank = appendBank({ ...enA, ...enB }, enC);
