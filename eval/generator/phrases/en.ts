/** English (UK and international companies, shared-service centres) phrase bank: parts A and B (split to keep files short). Index i with i % 4 === 3 of every list is test-only. */
import type { PhraseBank } from "./types.ts";
import { enA } from "./en-a.ts";
import { enB } from "./en-b.ts";

export const en: PhraseBank = { ...enA, ...enB };
