import { eq } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { isSealed, sealSecret } from "../../lib/secret-box.ts";
import type { SmtpConfig } from "./schemas.ts";

/** A password kept in the database in clear text (not an `env:` reference, not sealed). */
const inClear = (v: string | null | undefined): v is string => !!v && !v.startsWith("env:") && !isSealed(v);

/**
 * At start: with RELANCE_SECRET_KEY set, seal every mailbox password still
 * stored in clear (mailboxes added before the key was configured); without
 * it, say how many are in clear so the admin knows. Idempotent.
 */
export async function sealStoredPasswords({ ctx }: { ctx: AppContext }): Promise<{ sealed: number; inClear: number }> {
  const key = ctx.env.RELANCE_SECRET_KEY;
  const rows = await ctx.db.select({ id: mailboxes.id, imapPassword: mailboxes.imapPassword, smtp: mailboxes.smtp }).from(mailboxes);
  let sealed = 0;
  let clear = 0;
  for (const r of rows) {
    const smtp = (r.smtp ?? null) as SmtpConfig | null;
    if (!inClear(r.imapPassword) && !inClear(smtp?.password)) continue;
    if (!key) {
      clear++;
      continue;
    }
    await ctx.db
      .update(mailboxes)
      .set({
        imapPassword: inClear(r.imapPassword) ? sealSecret(r.imapPassword, key) : r.imapPassword,
        smtp: smtp && inClear(smtp.password) ? { ...smtp, password: sealSecret(smtp.password, key) } : smtp,
      })
      .where(eq(mailboxes.id, r.id));
    sealed++;
  }
  if (sealed) ctx.log.info("mailbox passwords sealed with RELANCE_SECRET_KEY", { mailboxes: sealed });
  if (clear) ctx.log.warn("mailbox passwords are stored in clear text; set RELANCE_SECRET_KEY to seal them, or use env:VAR references", { mailboxes: clear });
  return { sealed, inClear: clear };
}
