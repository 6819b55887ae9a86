import path from "node:path";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { type SQL } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it (PGlite or postgres-js). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: services accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../migrations");

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Run raw SQL and get rows back, the same shape for both drivers. */
  query<T = Record<string, unknown>>(q: SQL): Promise<T[]>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode (for pglite-socket and tests). */
  pglite?: PGlite;
}

export interface OpenOptions {
  /** postgres:// URL for server mode. */
  url?: string;
  /** PGlite data folder; "memory://" (or undefined with no url) for in-memory. */
  dataDir?: string;
  migrate?: boolean;
  /** postgres-js pool size. */
  max?: number;
}

/** Open the database and apply every migration in migrations/ (both modes run the same SQL). */
export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const doMigrate = opts.migrate ?? true;
  if (opts.url) {
    const client = postgres(opts.url, { max: opts.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    if (doMigrate) await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_DIR });
    return {
      db,
      kind: "postgres",
      query: async <T>(q: SQL) => (await db.execute(q)) as unknown as T[],
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = opts.dataDir && opts.dataDir !== "memory://" ? path.resolve(opts.dataDir) : undefined;
  if (!dir && doMigrate) return openMigratedMemory();
  if (dir) mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir ?? "memory://", { extensions: { vector }, ...pgliteByteaCodecs });
  return wrapPglite(pg, doMigrate);
}

// initdb dominates the start of an in-memory PGlite (eval runs, benchmarks,
// tests create many). One migrated instance per process is dumped once and
// every later in-memory database starts from that image instead.
let memoryImage: Promise<Blob> | null = null;

async function openMigratedMemory(): Promise<Database> {
  memoryImage ??= (async () => {
    const pg = await PGlite.create("memory://", { extensions: { vector }, ...pgliteByteaCodecs });
    await wrapPglite(pg, true);
    const image = await pg.dumpDataDir("none");
    await pg.close();
    return image;
  })().catch((err) => {
    memoryImage = null;
    throw err;
  });
  const pg = await PGlite.create({ loadDataDir: await memoryImage, extensions: { vector }, ...pgliteByteaCodecs });
  // Migrating again is a no-op unless migrations/ changed while this process ran.
  return wrapPglite(pg, true);
}

// PGlite's built-in bytea codecs go byte by byte through JS strings (slow on
// raw messages and attachments); Buffer's hex codec does the same in native code.
const BYTEA = 17;
export const pgliteByteaCodecs = {
  serializers: {
    [BYTEA]: (v: unknown) => {
      const u = v as Uint8Array;
      return "\\x" + (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength)).toString("hex");
    },
  },
  parsers: { [BYTEA]: (v: string) => Buffer.from(v.slice(2), "hex") },
};

/** Wrap an existing PGlite instance (used by tests that also serve it over the wire). */
export async function wrapPglite(pg: PGlite, doMigrate = true): Promise<Database> {
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  if (doMigrate) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: "pglite",
    pglite: pg,
    query: async <T>(q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows,
    close: () => pg.close(),
  };
}
