import type { AppContext } from "../../context.ts";
import { createUser, findUserByEmail } from "./service.ts";

/**
 * First start: when RELANCE_ADMIN_EMAIL and RELANCE_ADMIN_PASSWORD are set and
 * that account does not exist yet, create it as admin. An existing account is
 * left as it is (its password is never reset from the environment).
 */
export async function ensureAdminFromEnv(ctx: AppContext): Promise<"created" | "exists" | "not-configured"> {
  const email = ctx.env.RELANCE_ADMIN_EMAIL;
  const password = ctx.env.RELANCE_ADMIN_PASSWORD;
  if (!email || !password) return "not-configured";
  if (await findUserByEmail(ctx, email)) return "exists";
  try {
    await createUser({ ctx, input: { email, password, role: "admin", name: "Administrator" } });
    return "created";
  } catch (err) {
    // Another process starting at the same moment may have created it.
    if (await findUserByEmail(ctx, email)) return "exists";
    throw err;
  }
}
