/**
 * Roles form a ladder: each role may do everything the roles below it may.
 * clerk (triage) < collector (approves and sends) < manager (dashboards,
 * settings, users) < admin.
 */
export const ROLES = ["clerk", "collector", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** The roles allowed when `min` is the lowest one: atLeast("collector") → collector, manager, admin. */
export function atLeast(min: Role): Role[] {
  return ROLES.slice(roleRank(min));
}

export function hasAtLeast(role: string | undefined, min: Role): boolean {
  return isRole(role) && roleRank(role) >= roleRank(min);
}
