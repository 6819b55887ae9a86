import { asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { AppError, notFound } from "../../errors.ts";
import { mailboxes } from "../../db/schema/mailboxes.ts";
import { mailboxSyncState } from "../../db/schema/mailbox-sync-state.ts";
import type { CreateMailboxInput, MailboxView, SmtpConfig } from "./schemas.ts";
import { isSealed, openSecret, sealSecret } from "../../lib/secret-box.ts";

export type MailboxRow = typeof mailboxes.$inferSelect;
type SyncRow = typeof mailboxSyncState.$inferSelect;

/** Events the sync manager listens to (it may run in this process). */
export const MAILBOX_EVENTS = { created: "mailbox.created", syncRequested: "mailbox.sync" } as const;

const envVarOf = (secret: string | null | undefined) => (secret?.startsWith("env:") ? secret.slice(4) : null);
const sourceOf = (secret: string | null | undefined) => (!secret ? null : secret.startsWith("env:") ? "env" : "stored");

/** A password as given, read from the environment for `env:VARNAME`, or opened when sealed. */
export function resolveSecret(value: string | null | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (!value) throw new AppError("BAD_REQUEST", "no password configured");
  if (isSealed(value)) {
    const key = env.RELANCE_SECRET_KEY;
    if (!key) throw new AppError("BAD_REQUEST", "the stored password is encrypted and RELANCE_SECRET_KEY is not set");
    try {
      return openSecret(value, key);
    } catch {
      throw new AppError("BAD_REQUEST", "the stored password cannot be decrypted with RELANCE_SECRET_KEY (was the key changed?)");
    }
  }
  const name = envVarOf(value);
  if (name === null) return value;
  const v = env[name];
  if (v === undefined || v === "") throw new AppError("BAD_REQUEST", `environment variable ${name} (password) is not set`);
  return v;
}

function view(m: MailboxRow, s: SyncRow | null, messageCount: number): MailboxView {
  const smtp = (m.smtp ?? null) as SmtpConfig | null;
  return {
    id: m.id,
    name: m.name,
    address: m.address,
    kind: m.kind,
    enabled: m.enabled,
    folder: m.folder,
    sentFolder: m.sentFolder,
    imap:
      m.kind === "imap"
        ? {
            host: m.imapHost,
            port: m.imapPort,
            secure: m.imapSecure,
            user: m.imapUser,
            passwordSource: sourceOf(m.imapPassword),
            passwordEnvVar: envVarOf(m.imapPassword),
          }
        : null,
    smtp: smtp
      ? { host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user ?? null, passwordSource: sourceOf(smtp.password) }
      : null,
    messageCount,
    sync: s
      ? {
          status: s.status,
          lastError: s.lastError,
          lastSyncAt: s.lastSyncAt?.toISOString() ?? null,
          uidValidity: s.uidValidity,
          lastUid: s.lastUid,
          messagesSeen: s.messagesSeen,
          updatedAt: s.updatedAt.toISOString(),
        }
      : null,
    createdAt: m.createdAt.toISOString(),
  };
}

async function counts(ctx: AppContext, id?: number): Promise<Map<number, number>> {
  const rows = await ctx.database.query<{ mailbox_id: number; n: number }>(
    sql`select mailbox_id, count(*)::int as n from message_mailboxes ${id ? sql`where mailbox_id = ${id}` : sql``} group by mailbox_id`,
  );
  return new Map(rows.map((r) => [Number(r.mailbox_id), Number(r.n)]));
}

export async function listMailboxes({ ctx }: { ctx: AppContext }): Promise<MailboxView[]> {
  const rows = await ctx.db
    .select()
    .from(mailboxes)
    .leftJoin(mailboxSyncState, eq(mailboxSyncState.mailboxId, mailboxes.id))
    .orderBy(asc(mailboxes.name));
  const n = await counts(ctx);
  return rows.map((r) => view(r.mailboxes, r.mailbox_sync_state, n.get(r.mailboxes.id) ?? 0));
}

export async function getMailbox({ ctx, input }: { ctx: AppContext; input: { id: number } }): Promise<MailboxView> {
  const [r] = await ctx.db
    .select()
    .from(mailboxes)
    .leftJoin(mailboxSyncState, eq(mailboxSyncState.mailboxId, mailboxes.id))
    .where(eq(mailboxes.id, input.id));
  if (!r) throw notFound("Mailbox");
  const n = await counts(ctx, input.id);
  return view(r.mailboxes, r.mailbox_sync_state, n.get(input.id) ?? 0);
}

/** The stored row, with credentials, for the sync loop only. */
export async function getMailboxRow({ ctx, input }: { ctx: AppContext; input: { id: number } }): Promise<MailboxRow | null> {
  const [m] = await ctx.db.select().from(mailboxes).where(eq(mailboxes.id, input.id));
  return m ?? null;
}

export async function createMailbox({ ctx, input }: { ctx: AppContext; input: CreateMailboxInput }): Promise<MailboxView> {
  const key = ctx.env.RELANCE_SECRET_KEY;
  const seal = (p: string | undefined) => (p && key ? sealSecret(p, key) : p);
  const [row] = await ctx.db
    .insert(mailboxes)
    .values({
      name: input.name,
      address: input.address.toLowerCase(),
      kind: "imap",
      imapHost: input.host,
      imapPort: input.port,
      imapSecure: input.secure,
      imapUser: input.user,
      imapPassword: seal(input.password),
      folder: input.folder,
      sentFolder: input.sentFolder,
      smtp: input.smtp ? { ...input.smtp, password: seal(input.smtp.password) } : null,
      enabled: input.enabled,
    })
    .onConflictDoNothing({ target: mailboxes.name })
    .returning();
  if (!row) throw new AppError("CONFLICT", `A mailbox named "${input.name}" already exists`);
  await ctx.db.insert(mailboxSyncState).values({ mailboxId: row.id, status: "idle" }).onConflictDoNothing();
  ctx.events.emit(MAILBOX_EVENTS.created, { id: row.id });
  return getMailbox({ ctx, input: { id: row.id } });
}

/** Ask the sync loop of an IMAP mailbox to sync now. */
export async function requestSync({ ctx, input }: { ctx: AppContext; input: { id: number } }) {
  const m = await getMailboxRow({ ctx, input });
  if (!m) throw notFound("Mailbox");
  if (m.kind !== "imap") throw new AppError("BAD_REQUEST", `Mailbox "${m.name}" is an import mailbox; it has nothing to sync`);
  if (!m.enabled) throw new AppError("CONFLICT", `Mailbox "${m.name}" is disabled`);
  // The manager runs where RELANCE_WORKER is on; in a web-only process nobody listens.
  const accepted = ctx.events.listenerCount(MAILBOX_EVENTS.syncRequested) > 0;
  ctx.events.emit(MAILBOX_EVENTS.syncRequested, { id: m.id });
  return { id: m.id, requested: true, syncRunningHere: accepted };
}

/** The mailbox an import goes to, created as kind "import" when missing. */
export async function ensureImportMailbox({ ctx, input }: { ctx: AppContext; input: { name: string } }): Promise<MailboxRow> {
  await ctx.db.insert(mailboxes).values({ name: input.name, kind: "import" }).onConflictDoNothing({ target: mailboxes.name });
  const [m] = await ctx.db.select().from(mailboxes).where(eq(mailboxes.name, input.name));
  return m;
}
