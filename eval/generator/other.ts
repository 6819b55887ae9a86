/** Mail from strangers that has nothing to do with receivables: spam, newsletters, phishing, recruiters. */
import type { Rng } from "./prng.ts";
import type { Lang } from "./phrases/types.ts";
import { COMPANY } from "./ledger-data.ts";
import { choose, entries } from "./templates.ts";
import { renderMail, messageId } from "./message.ts";
import { escapeHtml } from "./body.ts";
import { workStamp, mailDate, formatFor, type Env, type Generated, type Split } from "./common.ts";

export function strangerMail(env: Env, lang: Lang, split: Split, rng: Rng): Generated {
  const bank = env.banks[lang];
  const entry = choose(entries(bank, "other"), split, rng, (e) => e.tag !== "customer");
  if (!entry) throw new Error(`no stranger mail for ${lang}/${split}`);
  const mail = bank.other[entry.index];
  const [name, email] = mail.from!;
  const st = workStamp(mailDate(rng), rng.pick(["Europe/Brussels", "UTC"] as const), rng);
  const bulk = mail.kind === "newsletter" || mail.kind === "spam";
  const extra: Array<[string, string]> = bulk ? [["List-Unsubscribe", `<mailto:unsubscribe@${email.split("@")[1]}>`], ["Precedence", "bulk"]] : [];
  const fmt = formatFor(bulk ? "webmail" : "gmail", rng);
  const html = `<html><body><table width="600"><tr><td>${escapeHtml(mail.body).replace(/\n/g, "<br>\n")}</td></tr></table></body></html>\n`;
  const to = lang === "fr" ? COMPANY.frMailbox : COMPANY.arMailbox;
  const eml = renderMail({
    from: { name: name || null, email }, to: [{ name: null, email: to }], subject: mail.subject, stamp: st,
    messageId: messageId("webmail", email.split("@")[1], rng), extraHeaders: extra,
    plain: fmt.plain || !bulk ? `${mail.body}\n` : null, html: bulk || fmt.html ? html : null,
    charset: fmt.charset, cte: fmt.cte, crlf: fmt.crlf, client: "webmail",
  }, rng);
  return {
    eml,
    label: { intent: "other", debtor: null, language: lang, invoices: [], fields: {} },
    utcMs: st.utcMs,
    tags: [`other:${mail.kind}`],
    phrases: [`${lang}/other/${entry.index}`],
  };
}
