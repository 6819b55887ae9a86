import { z } from "zod";

// All configuration comes from environment variables, parsed once at start so a
// bad value is reported clearly before anything opens a socket or a database.
const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  RELANCE_WORKER: boolish.default(true),
  EMBEDDER: z.enum(["hashing", "transformers", "openai"]).default("hashing"),
  TRANSFORMERS_MODEL: z.string().default("Xenova/multilingual-e5-small"),
  TRANSFORMERS_MODEL_DIR: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().optional(),
  OPENAI_EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  LLM_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  SMTP_URL: z.string().optional(),
  RELANCE_ADMIN_EMAIL: z.string().email().optional(),
  RELANCE_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Seals mailbox passwords kept in the database (AES-256-GCM); see lib/secret-box.ts. */
  RELANCE_SECRET_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parse the environment, naming every bad variable in one message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join(".")}=${JSON.stringify(cleaned[String(i.path[0])] ?? "")}: ${i.message}`,
    );
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
