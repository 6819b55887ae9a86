// A tiny leveled logger writing JSON lines to stderr; enough for a self-hosted
// service and keeps test output quiet at LOG_LEVEL=silent.
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel = "info"): Logger {
  const min = levels[level];
  const write = (lvl: Exclude<LogLevel, "silent">) => (msg: string, data?: Record<string, unknown>) => {
    if (levels[lvl] < min) return;
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...data }) + "\n");
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
