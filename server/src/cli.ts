import { parseArgs } from "node:util";
import { EnvError, loadEnv } from "./env.ts";

const USAGE = `Usage: relance <command> [options]

Commands:
  start [--demo]                        start the server (API + inbox UI + workers + IMAP sync);
                                        --demo loads the demo ledger and mailbox into an empty database
  import-ledger <file.json|file.csv>    import or update the AR ledger (whole file or nothing)
  import-payments <file.json|file.csv>  import payments (updates open amounts, promises, plans)
  import-mail <folder|file.mbox> [--mailbox NAME]
                                        import .eml files or an mbox into a mailbox, then classify
  eval <set-dir> [--json report.json] [--feedback]
                                        score the pipeline on a labelled set (fresh, isolated database)
  bench                                 run the benchmarks (ingestion, classification, inbox API)
  create-user --email E --password P --role clerk|collector|manager|admin

Configuration: environment variables (see .env.example): PORT, DATA_DIR, DATABASE_URL, ...`;

/** Parses argv and runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: "boolean", default: false },
      mailbox: { type: "string" },
      json: { type: "string" },
      feedback: { type: "boolean", default: false },
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      quick: { type: "boolean", default: false },
    },
  });
  const commands = await import("./cli-commands.ts");
  try {
    switch (command) {
      case "start":
        return await commands.start(env, { demo: !!values.demo });
      case "import-ledger":
        return await commands.importLedger(env, need(positionals[0], "a ledger file"));
      case "import-payments":
        return await commands.importPayments(env, need(positionals[0], "a payments file"));
      case "import-mail":
        return await commands.importMailCommand(env, need(positionals[0], "a folder or mbox file"), values.mailbox ?? "import");
      case "eval":
        return await commands.evaluate(env, need(positionals[0], "a labelled set folder"), { json: values.json, feedback: !!values.feedback });
      case "bench":
        return await commands.bench(env, { quick: !!values.quick });
      case "create-user":
        return await commands.createUserCommand(env, {
          email: need(values.email, "--email"),
          password: need(values.password, "--password"),
          role: need(values.role, "--role"),
          name: values.name,
        });
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

class UsageError extends Error {}
function need<T>(v: T | undefined, what: string): T {
  if (v === undefined || v === "") throw new UsageError(`Missing ${what}.`);
  return v;
}
