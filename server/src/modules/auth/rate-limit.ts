import { and, count, eq, gt, lt } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { loginAttempts } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";

/** 5 failed logins for one email from one address within 15 minutes → 429 until the window passes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL_IP = 5;
/** Guessing from many addresses still locks the account for the window (a cost we accept). */
export const MAX_FAILURES_PER_EMAIL = 20;

async function failuresSince(ctx: AppContext, email: string, since: Date, ip?: string): Promise<number> {
  const conds = [eq(loginAttempts.email, email), eq(loginAttempts.ok, false), gt(loginAttempts.createdAt, since)];
  if (ip) conds.push(eq(loginAttempts.ip, ip));
  const [row] = await ctx.db.select({ n: count() }).from(loginAttempts).where(and(...conds));
  return Number(row?.n ?? 0);
}

/** Throws RATE_LIMITED when this email (from this ip, or overall) failed too often recently. */
export async function assertLoginAllowed(ctx: AppContext, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [perIp, overall] = await Promise.all([failuresSince(ctx, email, since, ip), failuresSince(ctx, email, since)]);
  if (perIp >= MAX_FAILURES_PER_EMAIL_IP || overall >= MAX_FAILURES_PER_EMAIL) {
    throw new AppError("RATE_LIMITED", "Too many failed logins; try again in 15 minutes");
  }
}

export async function recordLoginAttempt(ctx: AppContext, email: string, ip: string, ok: boolean): Promise<void> {
  if (ok) {
    // A successful login clears this address's failures for the account.
    await ctx.db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)));
    return;
  }
  await ctx.db.insert(loginAttempts).values({ email, ip, ok });
  // Failures older than a day count for nothing: drop them (every failure already costs a bcrypt, so this stays cheap).
  await ctx.db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(Date.now() - 24 * 3600 * 1000)));
}
