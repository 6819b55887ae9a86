/**
 * Inbox shortcuts. Pure mapping from a key event to an action so it can be
 * tested; the inbox page decides what each action does.
 */
export type ShortcutAction = "next" | "prev" | "assign" | "intent" | "archive" | "draft" | "toggle" | "search" | "escape";

const KEYS: Record<string, ShortcutAction> = {
  j: "next",
  k: "prev",
  ArrowDown: "next",
  ArrowUp: "prev",
  a: "assign",
  i: "intent",
  e: "archive",
  d: "draft",
  x: "toggle",
  "/": "search",
  Escape: "escape",
};

interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

/** Typing in a field never triggers a shortcut (except Escape, to leave it). */
function isEditable(target: EventTarget | null | undefined): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (!el || typeof el.tagName !== "string") return false;
  return el.isContentEditable === true || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName.toUpperCase());
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const action = KEYS[e.key] ?? null;
  if (action === null) return null;
  if (isEditable(e.target) && action !== "escape") return null;
  return action;
}

/** The id after/before `current` in `ids` (first item when nothing is selected; stays put at the ends). */
export function step(ids: number[], current: number | null, delta: 1 | -1): number | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))];
}
