import { atLeast, type Role } from "./roles.ts";

/**
 * The one place that says who may call which API route. Every mount point in
 * app.ts has a rule here; the authorize middleware enforces it and the route ×
 * role matrix test checks that every registered /api route resolves to a rule.
 *
 * `read` applies to GET/HEAD, `write` to POST/PUT/PATCH/DELETE. "public" needs
 * no session; "any" needs a session of any role.
 */
export type Access = Role[] | "public" | "any";
export interface RouteRule {
  /** "/api/x" matches exactly; "/api/x/*" matches /api/x and everything below it. */
  path: string;
  read?: Access;
  write?: Access;
}

const clerk = atLeast("clerk");
const collector = atLeast("collector");
const manager = atLeast("manager");

export const routeRoles: RouteRule[] = [
  { path: "/api/health/*", read: "public" },
  { path: "/api/auth/login", write: "public" },
  { path: "/api/auth/*", read: "any", write: "any" },
  { path: "/api/users/*", read: manager, write: manager },
  { path: "/api/users/directory", read: clerk },
  // Clerk work: the inbox, messages, corrections, live events.
  { path: "/api/inbox/*", read: clerk, write: clerk },
  { path: "/api/events", read: clerk },
  { path: "/api/messages/*", read: clerk, write: clerk },
  { path: "/api/classifications/*", read: clerk, write: clerk },
  { path: "/api/account-updates/*", read: clerk, write: clerk },
  // Ledger and mailboxes: everyone reads, managers change.
  { path: "/api/debtors/*", read: clerk, write: manager },
  { path: "/api/invoices/*", read: clerk, write: manager },
  { path: "/api/payments/*", read: clerk, write: manager },
  { path: "/api/ledger/*", read: clerk, write: manager },
  { path: "/api/mailboxes/*", read: clerk, write: manager },
  // Collector work: drafts and cases are visible to clerks, acted on by collectors.
  { path: "/api/drafts/*", read: clerk, write: collector },
  { path: "/api/disputes/*", read: clerk, write: collector },
  { path: "/api/promises/*", read: clerk, write: collector },
  { path: "/api/payment-plans/*", read: clerk, write: collector },
  { path: "/api/tasks/*", read: clerk, write: collector },
  // Manager: measurement and operations.
  { path: "/api/stats/*", read: manager, write: manager },
  { path: "/api/eval-runs/*", read: manager, write: manager },
  { path: "/api/jobs/*", read: manager, write: manager },
];

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const isStateChanging = (method: string) => !READ_METHODS.has(method.toUpperCase());

function matches(rulePath: string, path: string): boolean {
  if (rulePath.endsWith("/*")) {
    const base = rulePath.slice(0, -2);
    return path === base || path.startsWith(base + "/");
  }
  return path === rulePath || path === rulePath + "/";
}

/**
 * The access for a request: the most specific matching rule (longest path)
 * that has an entry for the method's kind. undefined = no rule (undeclared).
 */
export function accessFor(method: string, path: string, rules: RouteRule[] = routeRoles): Access | undefined {
  const kind = isStateChanging(method) ? "write" : "read";
  let best: { len: number; access: Access } | undefined;
  for (const rule of rules) {
    const access = rule[kind];
    if (!access || !matches(rule.path, path)) continue;
    const len = rule.path.length + (rule.path.endsWith("/*") ? 0 : 1000);
    if (!best || len > best.len) best = { len, access };
  }
  return best?.access;
}

/** Any rule at all for the path (whatever the method): a declared mount point. */
export function isDeclared(path: string, rules: RouteRule[] = routeRoles): boolean {
  return rules.some((r) => matches(r.path, path));
}
