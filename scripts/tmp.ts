import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseMessage } from "../server/src/modules/ingest/parse-message.ts";
function* walk(d: string): Generator<string> { for (const f of readdirSync(d)) { const p = path.join(d, f); if (statSync(p).isDirectory()) yield* walk(p); else yield p; } }
const counts: Record<string, number> = {};
const t = Date.now();
let n = 0;
for (const f of walk(process.argv[2])) {
  if (f.endsWith("README.md")) continue;
  const r = await parseMessage(readFileSync(f), 25e6);
  counts[r.parseStatus] = (counts[r.parseStatus] ?? 0) + 1; n++;
  if (process.argv[3] && r.attachments.some(a => /pdf/.test(a.contentType))) console.log(f, r.attachments.map(a => [a.contentType, a.text?.slice(0, 80)]));
}
console.log(n, counts, (Date.now() - t) / n, "ms/msg");
