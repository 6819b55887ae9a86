import { hasAtLeast, type Role } from "./roles.ts";

/**
 * Hash routes (#/inbox?view=unassigned&m=12): the server only has to serve
 * index.html, and links survive reloads. Each page declares the lowest role
 * that may open it, mirroring the API's route table.
 */
export const PAGES = {
  "/inbox": "clerk",
  "/drafts": "collector",
  "/disputes": "collector",
  "/promises": "collector",
  "/plans": "collector",
  "/manager/accuracy": "manager",
  "/manager/evals": "manager",
  "/manager/volume": "manager",
  "/manager/ar": "manager",
  "/admin/users": "manager",
  "/settings": "clerk",
} as const satisfies Record<string, Role>;
export type PagePath = keyof typeof PAGES;

export interface Route {
  path: string;
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/inbox";
  const [path, qs = ""] = raw.split("?", 2);
  return { path: path || "/inbox", params: Object.fromEntries(new URLSearchParams(qs)) };
}

export function buildHash(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ""}`;
}

export function isKnownPage(path: string): path is PagePath {
  return path in PAGES;
}

/** Whether `role` may open `path` (unknown pages: nobody). */
export function canOpen(path: string, role: string | undefined): boolean {
  return isKnownPage(path) && hasAtLeast(role, PAGES[path]);
}

/** Where a user lands after login. */
export function homeFor(role: string | undefined): PagePath {
  return hasAtLeast(role, "clerk") ? "/inbox" : "/settings";
}
