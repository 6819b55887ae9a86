#!/usr/bin/env node
// Installs (as root) or names (otherwise) the system packages the test suite
// talks to for real: Dovecot for IMAP, Chromium for end-to-end tests, and
// python3-onnx to generate the tiny ONNX model of the transformers.js test.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const checks = [
  { pkg: "dovecot-imapd", ok: () => existsSync("/usr/sbin/dovecot") },
  { pkg: "chromium", ok: () => existsSync("/usr/bin/chromium") },
  { pkg: "python3-onnx", ok: () => spawnSync("/usr/bin/python3", ["-c", "import onnx, numpy"], { stdio: "ignore" }).status === 0 },
  { pkg: "python3-numpy", ok: () => spawnSync("/usr/bin/python3", ["-c", "import numpy"], { stdio: "ignore" }).status === 0 },
];

const missing = checks.filter((c) => !c.ok()).map((c) => c.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const cmd = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(" ")}`;
if (!isRoot) {
  console.error(`The tests need these Debian packages: ${missing.join(", ")}.\nInstall them as root with:\n  ${cmd}`);
  process.exit(1);
}
console.log(`Installing test prerequisites: ${missing.join(", ")}`);
execSync(cmd, { stdio: "inherit", shell: "/bin/bash" });
// Debian starts the packaged dovecot service on install; the tests run their own.
spawnSync("bash", ["-c", "systemctl stop dovecot 2>/dev/null; service dovecot stop 2>/dev/null; pkill -x dovecot 2>/dev/null; true"]);
const still = checks.filter((c) => !c.ok()).map((c) => c.pkg);
if (still.length) {
  console.error(`Still missing after install: ${still.join(", ")}`);
  process.exit(1);
}
