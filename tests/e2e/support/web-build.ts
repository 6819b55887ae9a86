import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web");
let built: Promise<string> | undefined;

/** Build the UI once per test process into a private folder (never touching web/dist). */
export function buildWebOnce(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), "relance-web-"));
    await build({ root: WEB_ROOT, configFile: path.join(WEB_ROOT, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}
