import type { Locale } from "../../../../server/src/modules/auth/schemas.ts";
import { en, type MessageKey } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";

export type { MessageKey };
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, fr, nl };
export const LOCALES: Locale[] = ["en", "fr", "nl"];

/** Translate `key` in `locale`, filling {placeholders}; unknown keys fall back to English, then to the key. */
export function translate(locale: Locale, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const dict = dictionaries[locale] ?? en;
  const text = (dict as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string;
export const translator = (locale: Locale): Translate => (key, params) => translate(locale, key, params);
