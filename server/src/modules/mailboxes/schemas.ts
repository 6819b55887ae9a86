import { z } from "zod";

// Contracts of the mailbox API, shared with the web UI.

const host = z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9.:\-\[\]_]+$/, "must be a host name or IP address");
/** A password, or `env:VARNAME` to read it from the server's environment at connect time. */
const secret = z.string().min(1).max(1000);

export const smtpConfigSchema = z.object({
  host,
  port: z.coerce.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().min(1).max(320).optional(),
  password: secret.optional(),
});
/** A mailbox's own SMTP settings, as stored in mailboxes.smtp. */
export type SmtpConfig = z.infer<typeof smtpConfigSchema>;

export const createMailboxSchema = z.object({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().email().max(320),
  host,
  port: z.coerce.number().int().min(1).max(65535).default(993),
  secure: z.boolean().default(true),
  user: z.string().min(1).max(320),
  password: secret,
  folder: z.string().min(1).max(500).default("INBOX"),
  sentFolder: z.string().min(1).max(500).default("Sent"),
  smtp: smtpConfigSchema.optional(),
  enabled: z.boolean().default(true),
});
export type CreateMailboxInput = z.infer<typeof createMailboxSchema>;

export const mailboxIdParams = z.object({ id: z.coerce.number().int().positive() });

export const syncStatusSchema = z.object({
  /** idle | syncing | idling | error | disconnected | stopped */
  status: z.string(),
  lastError: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  uidValidity: z.number().nullable(),
  lastUid: z.number(),
  messagesSeen: z.number(),
  updatedAt: z.string(),
});

/** A mailbox as the API shows it: never a password, only where it comes from. */
export const mailboxViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string().nullable(),
  kind: z.enum(["imap", "import"]).or(z.string()),
  enabled: z.boolean(),
  folder: z.string(),
  sentFolder: z.string(),
  imap: z
    .object({
      host: z.string().nullable(),
      port: z.number().nullable(),
      secure: z.boolean(),
      user: z.string().nullable(),
      /** "env" when the password is `env:VAR`, "stored" when kept in the database. */
      passwordSource: z.enum(["env", "stored"]).nullable(),
      passwordEnvVar: z.string().nullable(),
    })
    .nullable(),
  smtp: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string().nullable(),
      passwordSource: z.enum(["env", "stored"]).nullable(),
    })
    .nullable(),
  messageCount: z.number(),
  sync: syncStatusSchema.nullable(),
  createdAt: z.string(),
});
export type MailboxView = z.infer<typeof mailboxViewSchema>;
