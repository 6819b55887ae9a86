import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client.ts";
import { createContext, type AppContext } from "../context.ts";
import { loadEnv } from "../env.ts";
import { createLogger } from "../lib/logger.ts";
import { createApp } from "../app.ts";
import { createUser } from "../modules/users/service.ts";
import { computeCounts } from "../modules/inbox/counts.ts";

/**
 * Inbox API latency at scale: a fresh in-memory PGlite with `messages` emails
 * (default 100,000) and their classifications, bulk-inserted in SQL; then the
 * list and search endpoints are called through the whole HTTP stack (session
 * lookup, validation, query, JSON) and p50/p95 are reported. Target p95 ≤ 50 ms.
 */
export interface BenchCase {
  name: string;
  kind: "list" | "search" | "counts";
  p50: number;
  p95: number;
  rows: number;
}
export interface InboxBenchResult {
  messages: number;
  seedSeconds: number;
  cases: BenchCase[];
  list: { p50: number; p95: number };
  search: { p50: number; p95: number };
  counts: { p50: number; p95: number };
}

const WORDS = [
  "factuur", "facture", "invoice", "Rechnung", "betaling", "paiement", "payment", "Zahlung", "herinnering", "rappel",
  "reminder", "Mahnung", "bedrag", "montant", "amount", "Betrag", "vervaldatum", "échéance", "due", "fällig",
  "volgende", "semaine", "next", "Woche", "korting", "remise", "discount", "Rabatt", "levering", "livraison",
  "delivery", "Lieferung", "kopie", "copie", "copy", "Kopie", "rekening", "compte", "account", "Konto",
  "overgemaakt", "viré", "transferred", "überwiesen", "betwist", "contestons", "dispute", "reklamieren", "prijs", "prix",
];
const INTENTS = ["payment_promise", "payment_notice", "dispute", "document_request", "payment_plan_request", "account_update", "question", "insolvency_notice", "auto_reply", "bounce", "other"];

export async function seed(ctx: AppContext, n: number): Promise<void> {
  const q = (s: ReturnType<typeof sql>) => ctx.database.query(s);
  const words = sql.raw(`(array[${WORDS.map((w) => `'${w}'`).join(",")}])`);
  const intents = sql.raw(`(array[${INTENTS.map((w) => `'${w}'`).join(",")}])`);
  await q(sql`insert into mailboxes (name, kind) values ('ar', 'import'), ('sales', 'import'), ('support', 'import')`);
  await q(sql`insert into debtors (number, name, language)
    select 'C' || lpad(i::text, 5, '0'), 'Debtor ' || i || ' ' || ${words}[1 + (i * 7) % 50], (array['nl','fr','de','en'])[1 + i % 4]
    from generate_series(1, 2000) i`);
  await q(sql`insert into invoices (debtor_id, number, number_key, issue_date, due_date, amount, open_amount)
    select 1 + (i % 2000), 'F2024-' || lpad(i::text, 5, '0'), '2024' || lpad(i::text, 5, '0'),
      date '2024-01-01' + (i % 300), date '2024-01-31' + (i % 300), 100 + (i % 5000), (i % 3) * 50
    from generate_series(1, 20000) i`);
  // Messages: a year of mail, 20 % still in the inbox; the body is 40 pseudo-random words with invoice numbers.
  await q(sql`insert into messages (content_hash, message_id, parse_status, from_address, from_name, subject, sent_at, received_at, text, size, processing_status, triage_status)
    select md5(i::text), '<bench-' || i || '@example.test>', 'parsed',
      'ap' || (i % 5000) || '@debtor' || (1 + i % 2000) || '.example', 'Accounts ' || (i % 5000),
      ${words}[1 + (i * 13) % 50] || ' ' || ${words}[1 + (i * 29) % 50] || ' F2024-' || lpad((1 + i % 20000)::text, 5, '0'),
      now() - (i * interval '5 minutes'), now() - (i * interval '5 minutes') + interval '30 seconds',
      (select string_agg(${words}[1 + ((i * 31 + k * 17 + k * k) % 50)], ' ') from generate_series(1, 40) k)
        || ' factuur F2024-' || lpad((1 + i % 20000)::text, 5, '0') || ' bedrag ' || (i % 9000) || ',00 EUR',
      2000, 'classified', case when i % 5 = 0 then 'inbox' when i % 5 = 1 then 'archived' else 'done' end
    from generate_series(1, ${n}) i`);
  await q(sql`insert into classifications (message_id, intent, intent_confidence, language, debtor_id, debtor_confidence, invoices, evidence, classifier_version, embedder)
    select m.id, ${intents}[1 + (m.id * 7) % 11], 0.35 + ((m.id * 37) % 65) / 100.0, (array['nl','fr','de','en'])[1 + m.id % 4],
      case when m.id % 9 = 0 then null else 1 + m.id % 2000 end, 0.9,
      array['F2024-' || lpad((1 + m.id % 20000)::text, 5, '0')], '[]'::jsonb, 'bench', 'none'
    from messages m`);
  await q(sql`insert into message_mailboxes (message_id, mailbox_id) select id, 1 + id % 3 from messages`);
  await q(sql`analyze`);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};

export async function runInboxBench(opts: { messages?: number; iterations?: number; print?: boolean } = {}): Promise<InboxBenchResult> {
  const n = opts.messages ?? 100_000;
  const iterations = opts.iterations ?? 40;
  const env = loadEnv({ LOG_LEVEL: "silent", RELANCE_WORKER: "0" });
  const database = await openDatabase({ dataDir: "memory://" });
  const ctx = createContext(env, database, createLogger("silent"));
  try {
    const t0 = performance.now();
    await seed(ctx, n);
    const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const app = createApp(ctx);
    await createUser({ ctx, input: { email: "bench@example.test", password: "bench password", role: "clerk" }, rounds: 4 });
    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "bench@example.test", password: "bench password" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ items?: unknown[]; nextCursor?: string | null }>;
    };
    const first = await get("/api/inbox/messages?view=all&limit=50");
    const cases: { name: string; kind: BenchCase["kind"]; path: string }[] = [
      { name: "all, first page", kind: "list", path: "/api/inbox/messages?view=all&limit=50" },
      { name: "all, next page (cursor)", kind: "list", path: `/api/inbox/messages?view=all&limit=50&cursor=${first.nextCursor}` },
      { name: "unassigned", kind: "list", path: "/api/inbox/messages?view=unassigned&limit=50" },
      { name: "needs attention", kind: "list", path: "/api/inbox/messages?view=attention&limit=50" },
      { name: "intent: insolvency_notice", kind: "list", path: "/api/inbox/messages?view=intent:insolvency_notice&limit=50" },
      { name: "debtor", kind: "list", path: "/api/inbox/messages?view=debtor:1001&limit=50" },
      { name: "done", kind: "list", path: "/api/inbox/messages?view=done&limit=50" },
      { name: "language + confidence filter", kind: "list", path: "/api/inbox/messages?view=all&language=fr&maxConfidence=0.5&limit=50" },
      { name: "mailbox filter", kind: "list", path: "/api/inbox/messages?view=all&mailbox=2&limit=50" },
      { name: "common word", kind: "search", path: "/api/inbox/messages?q=betaling&limit=50" },
      { name: "two words", kind: "search", path: "/api/inbox/messages?q=factuur%20korting&limit=50" },
      { name: "invoice number", kind: "search", path: "/api/inbox/messages?q=F2024-12341&limit=50" },
      { name: "sender domain", kind: "search", path: "/api/inbox/messages?q=debtor1001.example&limit=50" },
      { name: "done + search", kind: "search", path: "/api/inbox/messages?view=done&q=Mahnung&limit=50" },
      { name: "no match", kind: "search", path: "/api/inbox/messages?q=zzzzqqq&limit=50" },
      // Counts are shared between clients for 1 s; this measures the computation itself, uncached.
      { name: "view counts (uncached)", kind: "counts", path: "" },
    ];
    const results: BenchCase[] = [];
    const all: Record<BenchCase["kind"], number[]> = { list: [], search: [], counts: [] };
    for (const c of cases) {
      const call = c.kind === "counts" ? () => computeCounts(ctx).then(() => ({ items: [] })) : () => get(c.path);
      let rows = 0;
      for (let i = 0; i < 3; i++) rows = (await call()).items?.length ?? 0; // warm-up
      const times: number[] = [];
      const runs = c.kind === "counts" ? Math.max(5, Math.floor(iterations / 4)) : iterations;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await call();
        times.push(performance.now() - t);
      }
      all[c.kind].push(...times);
      results.push({ name: c.name, kind: c.kind, p50: pct(times, 50), p95: pct(times, 95), rows });
    }
    const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95) });
    const out: InboxBenchResult = { messages: n, seedSeconds, cases: results, list: summary(all.list), search: summary(all.search), counts: summary(all.counts) };
    if (opts.print ?? true) printBench(out);
    return out;
  } finally {
    await database.close();
  }
}

export function printBench(r: InboxBenchResult): void {
  console.log(`Inbox API at ${r.messages.toLocaleString("en")} emails (PGlite in memory, seeded in ${r.seedSeconds} s), ms through the HTTP stack:`);
  for (const c of r.cases) console.log(`  ${c.kind.padEnd(6)} ${c.name.padEnd(30)} p50 ${String(c.p50).padStart(6)}  p95 ${String(c.p95).padStart(6)}  (${c.rows} rows)`);
  console.log(`  list   all cases: p50 ${r.list.p50} ms, p95 ${r.list.p95} ms (target p95 ≤ 50 ms)`);
  console.log(`  search all cases: p50 ${r.search.p50} ms, p95 ${r.search.p95} ms (target p95 ≤ 50 ms)`);
  console.log(`  counts (uncached, ${(r.messages / 5).toLocaleString("en")} mails in the inbox): p50 ${r.counts.p50} ms, p95 ${r.counts.p95} ms`);
}

// `npx tsx server/src/bench/inbox-bench.ts [messages]` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await runInboxBench({ messages: process.argv[2] ? Number(process.argv[2]) : undefined });
}
