import { EventEmitter } from "node:events";
import type { Database, Db } from "./db/client.ts";
import type { Env } from "./env.ts";
import { createLogger, type Logger } from "./lib/logger.ts";

/**
 * What every service gets: `verb({ ctx, input })`. Built once at start (or per
 * test) so nothing reaches for globals.
 */
export interface AppContext {
  env: Env;
  database: Database;
  db: Db;
  log: Logger;
  /** In-process events (new message stored, classification done...) for SSE and tests. */
  events: EventEmitter;
}

export function createContext(env: Env, database: Database, log?: Logger): AppContext {
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  return { env, database, db: database.db, log: log ?? createLogger(env.LOG_LEVEL), events };
}
