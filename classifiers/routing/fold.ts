/** Lower-case and fold accents and ligatures ("Société Générale" → "societe generale", "Straße" → "strasse"). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d");
}

/**
 * Identifier key: upper-case letters and digits only, so "CL 00827",
 * "cl-00827" and "CL.00827" are one key.
 */
export function compactKey(value: string): string {
  return fold(value).replace(/[^a-z0-9]/g, "").toUpperCase();
}

/** Looser key: leading zeros of every digit run dropped ("CL00827" → "CL827"). */
export function looseKey(value: string): string {
  return looseCompact(compactKey(value));
}

/** looseKey of a string that is already a compact key. */
export function looseCompact(compact: string): string {
  return compact.replace(/(^|[A-Z])0+(?=\d)/g, "$1");
}
