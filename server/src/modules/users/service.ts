import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { users } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { hashPassword } from "../auth/password.ts";
import { hasAtLeast, isRole, type Role } from "../auth/roles.ts";
import { LOCALES, type Locale, type PublicUser } from "../auth/schemas.ts";
import { createUserInput, type CreateUserInput, type UpdateUserInput, type UserListItem } from "./schemas.ts";

type UserRow = typeof users.$inferSelect;

export function toPublicUser(row: UserRow): PublicUser {
  const locale = (LOCALES as readonly string[]).includes(row.locale) ? (row.locale as Locale) : "en";
  return { id: row.id, email: row.email, name: row.name ?? null, role: isRole(row.role) ? row.role : "clerk", locale };
}

function toListItem(row: UserRow): UserListItem {
  return {
    ...toPublicUser(row),
    active: row.active,
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Create an account. Used by the API, by `npx relance create-user` and by the
 * first-run admin. `rounds` lets tests use a cheap bcrypt cost.
 */
export async function createUser({
  ctx,
  input,
  rounds,
}: {
  ctx: AppContext;
  input: CreateUserInput;
  rounds?: number;
}): Promise<PublicUser> {
  const data = createUserInput.parse(input);
  const passwordHash = await hashPassword(data.password, rounds);
  const [row] = await ctx.db
    .insert(users)
    .values({ email: data.email, name: data.name ?? null, role: data.role, locale: data.locale ?? "en", passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError("CONFLICT", `A user with email ${data.email} already exists`);
  ctx.log.info("user created", { userId: row.id, role: row.role });
  return toPublicUser(row);
}

export async function listUsers({ ctx }: { ctx: AppContext }): Promise<UserListItem[]> {
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return rows.map(toListItem);
}

/**
 * Change an account. Only an admin may create, change or grant the admin role,
 * and the last active admin can be neither demoted nor deactivated, so the
 * instance always keeps someone who can manage it.
 */
export async function updateUser({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { actor: { id: number; role: string }; id: number; changes: UpdateUserInput };
}): Promise<UserListItem> {
  const { actor, id, changes } = input;
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!target) throw notFound("User");
    const actorIsAdmin = hasAtLeast(actor.role, "admin");
    if (!actorIsAdmin && (target.role === "admin" || changes.role === "admin")) {
      throw new AppError("FORBIDDEN", "Only an admin can manage admin accounts");
    }
    const losesAdmin = target.role === "admin" && ((changes.role && changes.role !== "admin") || changes.active === false);
    if (losesAdmin) {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)));
      if (n === 0) throw new AppError("CONFLICT", "The last active admin cannot be demoted or deactivated");
    }
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.role) set.role = changes.role;
    if (changes.locale) set.locale = changes.locale;
    if (changes.active !== undefined) set.active = changes.active;
    if (changes.password) set.passwordHash = await hashPassword(changes.password);
    const [row] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
    return toListItem(row);
  });
}

export async function findUserByEmail(ctx: AppContext, email: string): Promise<UserRow | undefined> {
  const [row] = await ctx.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export type { Role };
