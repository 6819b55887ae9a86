import { openDatabase } from "../../server/src/db/client.ts";
import { createContext, type AppContext } from "../../server/src/context.ts";
import { loadEnv } from "../../server/src/env.ts";
import { createLogger } from "../../server/src/lib/logger.ts";

/** A fresh in-memory PGlite with every migration applied, and a context over it. */
export async function freshContext(envOverrides: Record<string, string> = {}): Promise<AppContext> {
  const env = loadEnv({ LOG_LEVEL: "silent", RELANCE_WORKER: "0", ...envOverrides });
  const database = await openDatabase({ dataDir: "memory://" });
  return createContext(env, database, createLogger("silent"));
}
