import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

/**
 * Mailbox passwords at rest. With RELANCE_SECRET_KEY set, a password kept in
 * the database is sealed with AES-256-GCM ("enc:v1:<base64 iv|tag|data>"), so
 * a database dump or backup does not hand out the AR team's mailbox
 * credentials. The key is stretched with scrypt once per process. `env:VAR`
 * references stay as they are: nothing secret is stored for them.
 */
const PREFIX = "enc:v1:";
const keys = new Map<string, Buffer>();

function keyOf(secretKey: string): Buffer {
  let k = keys.get(secretKey);
  if (!k) {
    k = scryptSync(secretKey, "relance/secret-box/v1", 32);
    keys.set(secretKey, k);
  }
  return k;
}

export function isSealed(value: string | null | undefined): boolean {
  return !!value?.startsWith(PREFIX);
}

/** Seal a password; `env:` references and already sealed values are returned unchanged. */
export function sealSecret(value: string, secretKey: string): string {
  if (value.startsWith("env:") || isSealed(value)) return value;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
}

/** Open a sealed password. Throws when the key is wrong or the value was altered. */
export function openSecret(value: string, secretKey: string): string {
  const raw = Buffer.from(value.slice(PREFIX.length), "base64");
  if (raw.length < 28) throw new Error("sealed secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secretKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
