import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { openDatabase } from "../../server/src/db/client.ts";
import { createContext, type AppContext } from "../../server/src/context.ts";
import { loadEnv } from "../../server/src/env.ts";
import { createLogger } from "../../server/src/lib/logger.ts";
import { freePort } from "./dovecot.ts";

/**
 * Server mode without a PostgreSQL server: a PGlite (with pgvector) served
 * over the Postgres wire protocol by pglite-socket, and a context that talks
 * to it through the postgres-js driver and the same migrations.
 */
export async function wireContext(): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const pg = await PGlite.create("memory://", { extensions: { vector } });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port });
  await server.start();
  // pglite-socket serves one connection at a time: a pool of one.
  const database = await openDatabase({ url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, max: 1 });
  const ctx = createContext(loadEnv({ LOG_LEVEL: "silent", RELANCE_WORKER: "0" }), database, createLogger("silent"));
  return {
    ctx,
    async close() {
      await database.close();
      await server.stop();
      await pg.close();
    },
  };
}
