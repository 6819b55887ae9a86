import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { sessions, users } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { assertLoginAllowed, recordLoginAttempt } from "./rate-limit.ts";
import type { LoginInput, PublicUser, UpdateMeInput } from "./schemas.ts";
import { toPublicUser } from "../users/service.ts";

/** A session ends after 12 hours without use, and after 7 days in any case. */
export const SESSION_IDLE_MS = 12 * 3600 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 3600 * 1000;
// Touching lastSeenAt on every request would write on every read; once a minute is enough.
const TOUCH_EVERY_MS = 60 * 1000;

export const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface LoggedIn {
  token: string;
  csrfToken: string;
  user: PublicUser;
  expiresAt: Date;
}

/** Check the password (rate-limited per email+ip) and open a session. */
export async function login({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: LoginInput & { ip: string; userAgent?: string };
}): Promise<LoggedIn> {
  const email = input.email.trim().toLowerCase();
  await assertLoginAllowed(ctx, email, input.ip);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(input.password, user?.active ? user.passwordHash : null);
  await recordLoginAttempt(ctx, email, input.ip, ok);
  if (!ok || !user) throw new AppError("UNAUTHORIZED", "Wrong email or password");

  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const now = Date.now();
  const expiresAt = new Date(now + SESSION_IDLE_MS);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    });
    await tx.update(users).set({ lastLoginAt: new Date(now) }).where(eq(users.id, user.id));
    // Expired sessions of this user are swept here rather than by a timer.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date(now))));
  });
  return { token, csrfToken, user: toPublicUser(user), expiresAt };
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: PublicUser;
}

/** The live session behind a cookie token, or null (unknown, expired, or user deactivated). */
export async function resolveSession(ctx: AppContext, token: string | undefined): Promise<ActiveSession | null> {
  if (!token || token.length > 200) return null;
  const id = sessionIdOf(token);
  const now = new Date();
  const [row] = await ctx.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row) return null;
  const { session } = row;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const hardEnd = session.createdAt.getTime() + SESSION_MAX_MS;
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd));
    await ctx.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  }
  return { id, csrfToken: session.csrfToken, user: toPublicUser(row.user) };
}

export async function logout({ ctx, input }: { ctx: AppContext; input: { token: string | undefined } }): Promise<void> {
  if (!input.token) return;
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionIdOf(input.token)));
}

/** The user's own settings: name, UI language, password (needs the current one; other sessions end). */
export async function updateMe({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: { userId: number; sessionId: string; changes: UpdateMeInput };
}): Promise<PublicUser> {
  const { userId, sessionId, changes } = input;
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw new AppError("UNAUTHORIZED", "Not logged in");
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.locale) set.locale = changes.locale;
    if (changes.newPassword) {
      if (!(await verifyPassword(changes.currentPassword ?? "", user.passwordHash))) {
        throw new AppError("FORBIDDEN", "The current password is wrong");
      }
      set.passwordHash = await hashPassword(changes.newPassword);
      await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, sessionId)));
    }
    const [row] = await tx.update(users).set(set).where(eq(users.id, userId)).returning();
    return toPublicUser(row);
  });
}
