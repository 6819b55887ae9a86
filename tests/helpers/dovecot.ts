import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, chownSync, rmSync, readFileSync, existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

/**
 * A real, throw-away Dovecot IMAP server on 127.0.0.1 for the IMAP tests and
 * the benchmark: its own config, maildir and passwd-file users in a temp
 * folder, no SSL, plaintext login. Started as a child process (`dovecot -F`)
 * so killing it really cuts every connection, which is what the crash tests need.
 */

export interface DovecotUser {
  user: string;
  password: string;
}

export interface Dovecot {
  host: string;
  port: number;
  dir: string;
  users: DovecotUser[];
  /** imapflow connection options for a user (default: the first). */
  imapOptions(user?: string): { host: string; port: number; secure: false; auth: { user: string; pass: string } };
  /** SIGKILL the server (every client connection drops at once). */
  kill(): Promise<void>;
  /** Start it again on the same port with the same mail. */
  start(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

const DOVECOT_BIN = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"].find((p) => existsSync(p)) ?? "dovecot";

export function dovecotAvailable(): boolean {
  try {
    execFileSync(DOVECOT_BIN, ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

function dovecotVersion(): [number, number] {
  const out = execFileSync(DOVECOT_BIN, ["--version"], { encoding: "utf8" });
  const m = out.match(/^(\d+)\.(\d+)/);
  return m ? [Number(m[1]), Number(m[2])] : [2, 3];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** uid/gid the mail processes run as: Dovecot refuses uid 0 for mail access. */
function mailIdentity(): { uid: number; gid: number; internal: string; login: string; group?: string } {
  if (process.getuid?.() !== 0) {
    // Not root: every Dovecot process runs as us, so every owner setting names
    // us, and nothing can chroot.
    const me = os.userInfo();
    const group = readFileSync("/etc/group", "utf8").split("\n").map((l) => l.split(":")).find((f) => Number(f[2]) === me.gid)?.[0];
    return { uid: me.uid, gid: me.gid, internal: me.username, login: me.username, group };
  }
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("dovecot:"));
  if (!line) throw new Error("the 'dovecot' system user is missing: install dovecot-imapd (apt-get install -y dovecot-imapd)");
  const [, , uid, gid] = line.split(":");
  const hasDovenull = readFileSync("/etc/passwd", "utf8").split("\n").some((l) => l.startsWith("dovenull:"));
  return { uid: Number(uid), gid: Number(gid), internal: "dovecot", login: hasDovenull ? "dovenull" : "dovecot" };
}

function config23(dir: string, port: number, id: ReturnType<typeof mailIdentity>): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = relance-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${id.internal}
default_login_user = ${id.login}
${id.group ? `default_internal_group = ${id.group}` : ""}
mail_location = maildir:~/Maildir
mail_uid = ${id.uid}
mail_gid = ${id.gid}
mail_fsync = never
mailbox_idle_check_interval = 1 secs
imap_idle_notify_interval = 1 mins
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
${id.group ? "  chroot =\n" : ""}}
${id.group ? "service anvil {\n  chroot =\n}\n" : ""}`;
}

// Dovecot 2.4 (Debian trixie) renamed most settings; same server, new syntax.
function config24(dir: string, port: number, id: ReturnType<typeof mailIdentity>): string {
  return `dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = relance-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
auth_allow_cleartext = yes
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${id.internal}
default_login_user = ${id.login}
${id.group ? `default_internal_group = ${id.group}` : ""}
mail_driver = maildir
mail_path = ~/Maildir
mail_uid = ${id.uid}
mail_gid = ${id.gid}
mail_fsync = never
mailbox_idle_check_interval = 1s
namespace inbox {
  inbox = yes
  separator = /
}
passdb passwd-file {
  passwd_file_path = ${dir}/users
  default_password_scheme = PLAIN
}
userdb passwd-file {
  passwd_file_path = ${dir}/users
}
service imap-login {
  inet_listener imap {
    listen = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
${id.group ? "  chroot =\n" : ""}}
${id.group ? "service anvil {\n  chroot =\n}\n" : ""}`;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("data", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
      s.setTimeout(1000, () => {
        s.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not answer on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Start a Dovecot with the given users (passwords are plain, it is a test server). */
export async function startDovecot(opts: { users?: DovecotUser[] } = {}): Promise<Dovecot> {
  if (!dovecotAvailable()) {
    throw new Error("dovecot is not installed: run `apt-get install -y dovecot-imapd` (Debian) to run the IMAP tests");
  }
  const users = opts.users ?? [{ user: "ar", password: "secret-ar" }];
  const dir = mkdtempSync(path.join(os.tmpdir(), "relance-dovecot-"));
  // Mail processes run as an unprivileged user: it must be able to walk into the folder.
  chmodSync(dir, 0o755);
  const id = mailIdentity();
  const home = path.join(dir, "home");
  mkdirSync(home);
  for (const u of users) {
    const h = path.join(home, u.user);
    mkdirSync(h);
    if (process.getuid?.() === 0) chownSync(h, id.uid, id.gid);
  }
  writeFileSync(
    path.join(dir, "users"),
    users.map((u) => `${u.user}:{PLAIN}${u.password}:${id.uid}:${id.gid}::${path.join(home, u.user)}::`).join("\n") + "\n",
  );
  const port = await freePort();
  const [major, minor] = dovecotVersion();
  const conf = path.join(dir, "dovecot.conf");
  writeFileSync(conf, major > 2 || (major === 2 && minor >= 4) ? config24(dir, port, id) : config23(dir, port, id));

  let child: ChildProcess | null = null;
  const start = async () => {
    const proc = spawn(DOVECOT_BIN, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr?.on("data", (d) => (stderr += String(d)));
    proc.stdout?.resume();
    const exited = new Promise<never>((_, reject) =>
      proc.once("exit", (code) => reject(new Error(`dovecot exited (${code}): ${stderr}\n${readLog()}`))),
    );
    exited.catch(() => {});
    child = proc;
    await Promise.race([waitForPort(port, 15_000), exited]);
  };
  const readLog = () => {
    try {
      return readFileSync(path.join(dir, "dovecot.log"), "utf8");
    } catch {
      return "";
    }
  };
  const killChild = async (signal: NodeJS.Signals) => {
    const proc = child as ChildProcess | null;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise((r) => proc.once("exit", r));
    proc.kill(signal);
    await gone;
    // The master's children (imap, imap-login, auth) notice their master is gone
    // and exit; wait until the port is really closed so a restart can bind it.
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, "127.0.0.1");
        s.once("connect", () => (s.destroy(), resolve(true)));
        s.once("error", () => resolve(false));
      });
      if (!open) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await start();

  return {
    host: "127.0.0.1",
    port,
    dir,
    users,
    imapOptions(user = users[0].user) {
      const u = users.find((x) => x.user === user);
      if (!u) throw new Error(`no dovecot user ${user}`);
      return { host: "127.0.0.1", port, secure: false, auth: { user: u.user, pass: u.password } };
    },
    kill: () => killChild("SIGKILL"),
    start,
    async stop() {
      await killChild("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
    log: readLog,
  };
}

/** A connected imapflow client for delivering test mail (APPEND), quiet logs. */
export async function imapClient(d: Dovecot, user?: string): Promise<ImapFlow> {
  const client = new ImapFlow({ ...d.imapOptions(user), logger: false, disableAutoIdle: true });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** APPEND raw messages to a folder (created if missing); returns the UIDs given. */
export async function appendMessages(d: Dovecot, folder: string, raws: Buffer[], user?: string): Promise<number[]> {
  const client = await imapClient(d, user);
  try {
    if (folder !== "INBOX") await client.mailboxCreate(folder).catch(() => {});
    const uids: number[] = [];
    for (const raw of raws) {
      const res = await client.append(folder, raw, ["\\Seen"]);
      if (res && res.uid) uids.push(res.uid);
    }
    return uids;
  } finally {
    await client.logout().catch(() => {});
  }
}
