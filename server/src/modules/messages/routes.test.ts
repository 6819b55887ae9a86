import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshContext } from "../../../../tests/helpers/context.ts";
import { apiAs, type ApiClient } from "../../../../tests/helpers/api.ts";
import type { AppContext } from "../../context.ts";
import { createApp } from "../../app.ts";
import { storeMessage } from "../ingest/store-message.ts";
import { ensureImportMailbox } from "../mailboxes/service.ts";
import type { MessageDetail, MessageList } from "./schemas.ts";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const hostileHtml = `<html><head><style>body{background:url(https://evil.example/bg.png)}</style>
<script>alert('xss')</script></head><body onload="steal()">
<p>Bonjour, voir la facture.</p>
<img src="https://tracker.example/pixel.gif" width="1" height="1">
<img src="x" onerror="alert(1)">
<img src="cid:logo@acme" alt="logo">
<a href="javascript:alert(document.cookie)">click</a>
<a href="jav&#x61;script:alert(2)">encoded</a>
<a href="https://pay.example/invoice/1">pay</a>
<div style="width: expression(alert(3)); color: red">css expression</div>
<div style="background-image: url(https://evil.example/x.png); position: fixed; top: 0">overlay</div>
<span style="behavior: url(evil.htc)">behaviour</span>
<form action="https://evil.example/login"><input name="password"><button>Log in</button></form>
<iframe src="https://evil.example/frame"></iframe>
<object data="evil.swf"></object><embed src="evil.swf">
<svg><script>alert(4)</script></svg>
<math><mi xlink:href="javascript:alert(5)">x</mi></math>
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">
<p data-remote-src="https://forged.example/x">text</p><img data-remote-src="https://forged.example/y" src="cid:nothing">
</body></html>`;

function mime(parts: { subject: string; date: string; from?: string; body: string; contentType?: string; extraHeaders?: string }) {
  return Buffer.from(
    `From: ${parts.from ?? "Acme AP <ap@acme.example>"}\r\nTo: ar@relance.test\r\nSubject: ${parts.subject}\r\n` +
      `Date: ${parts.date}\r\nMessage-ID: <${parts.subject.replace(/\W/g, "")}@acme.example>\r\nMIME-Version: 1.0\r\n` +
      `${parts.extraHeaders ?? ""}Content-Type: ${parts.contentType ?? "text/plain; charset=utf-8"}\r\n\r\n${parts.body}`,
    "latin1",
  );
}

const b = "=_b1";
const hostile = mime({
  subject: "Hostile HTML",
  date: "Tue, 05 Mar 2024 10:00:00 +0000",
  contentType: `multipart/related; boundary="${b}"`,
  body:
    `--${b}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${hostileHtml}\r\n` +
    `--${b}\r\nContent-Type: image/png\r\nContent-ID: <logo@acme>\r\nContent-Disposition: inline; filename="logo.png"\r\n` +
    `Content-Transfer-Encoding: base64\r\n\r\n${PNG.toString("base64")}\r\n` +
    `--${b}\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename="../../evil\\"\r\nX-Injected: 1.html"\r\n\r\n<script>alert(1)</script>\r\n--${b}--\r\n`,
});
// 8-bit latin-1 body, a bare LF line and a NUL byte: the raw download must give these bytes back.
const odd = Buffer.concat([
  mime({ subject: "Facture payee", date: "Mon, 04 Mar 2024 09:00:00 +0000", body: "Nous avons pay\xe9 la facture INV-1.\r\n", contentType: "text/plain; charset=iso-8859-1" }),
  Buffer.from([0x0a, 0x00, 0xff, 0x0d, 0x0a]),
]);
const plain = mime({ subject: "Old reminder reply", date: "Fri, 01 Mar 2024 08:00:00 +0000", from: "Globex <billing@globex.example>", body: "We will pay next week.\r\n" });
const broken = Buffer.from("this is not an email at all\r\n\r\n\x00\x01\x02", "latin1");

describe("/api/messages", () => {
  let ctx: AppContext;
  let clerk: ApiClient;
  const ids: Record<string, number> = {};
  let mailboxA: number;
  let mailboxB: number;

  beforeAll(async () => {
    ctx = await freshContext();
    mailboxA = (await ensureImportMailbox({ ctx, input: { name: "ar-fr" } })).id;
    mailboxB = (await ensureImportMailbox({ ctx, input: { name: "ar-nl" } })).id;
    for (const [k, raw, mbx] of [
      ["plain", plain, mailboxB],
      ["odd", odd, mailboxA],
      ["hostile", hostile, mailboxA],
      ["broken", broken, mailboxA],
    ] as const) {
      ids[k] = (await storeMessage({ ctx, input: { raw, mailboxId: mbx } })).messageId;
    }
    clerk = await apiAs(ctx, "clerk");
  });
  afterAll(() => ctx.database.close());

  const list = async (qs = "") => {
    const res = await clerk.request(`/api/messages${qs}`);
    expect(res.status).toBe(200);
    return (await res.json()) as MessageList;
  };

  it("lists newest first without bodies, with mailbox links", async () => {
    const l = await list();
    // The unparseable one has no Date: it sorts by its arrival (now), so first.
    expect(l.items.map((i) => i.subject)).toEqual([null, "Hostile HTML", "Facture payee", "Old reminder reply"]);
    for (const item of l.items) {
      expect(item).not.toHaveProperty("html");
      expect(item).not.toHaveProperty("raw");
      expect(item).not.toHaveProperty("text");
    }
    expect(l.items.find((i) => i.id === ids.plain)).toMatchObject({ mailboxIds: [mailboxB], fromAddress: "billing@globex.example", snippet: "We will pay next week." });
    expect(l.nextCursor).toBeNull();
  });

  it("filters by mailbox, parse status, sender, text and dates", async () => {
    expect((await list(`?mailbox=${mailboxB}`)).items.map((i) => i.id)).toEqual([ids.plain]);
    expect((await list("?parseStatus=parse_error")).items.map((i) => i.id)).toEqual([ids.broken]);
    expect((await list("?from=globex")).items.map((i) => i.id)).toEqual([ids.plain]);
    expect((await list("?q=facture")).items.map((i) => i.id)).toEqual([ids.odd]);
    expect((await list("?q=100%25")).items).toEqual([]);
    expect((await list("?since=2024-03-04T00:00:00Z&until=2024-03-05T00:00:00Z")).items.map((i) => i.id)).toEqual([ids.odd]);
    expect((await list("?triageStatus=inbox&processingStatus=pending")).items).toHaveLength(4);
  });

  it("pages with a cursor and with page numbers, consistently", async () => {
    const first = await list("?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual((await list()).items.map((i) => i.id));
    expect(second.nextCursor).toBeNull();
    const page2 = await list("?limit=3&page=2");
    expect(page2).toMatchObject({ total: 4, page: 2 });
    expect(page2.items).toHaveLength(1);
  });

  it("returns the detail with HTML sanitised server-side", async () => {
    const res = await clerk.request(`/api/messages/${ids.hostile}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as MessageDetail;
    const html = d.html!;
    expect(html).toContain("Bonjour, voir la facture.");
    for (const bad of [/<script/i, /alert\(/, /onerror/i, /onload/i, /javascript:/i, /expression\(/i, /url\(/i, /behavior/i,
      /position/i, /<form/i, /<input/i, /<button/i, /<iframe/i, /<object/i, /<embed/i, /<svg/i, /<math/i, /<base/i, /<meta/i,
      /<style/i, /image\/svg/i, /forged\.example/]) {
      expect(html).not.toMatch(bad);
    }
    // Remote image blocked but reported; links made safe.
    expect(d.hasRemoteImages).toBe(true);
    expect(html).toContain('data-remote-src="https://tracker.example/pixel.gif"');
    expect(html).not.toMatch(/\ssrc="https:\/\/tracker/);
    expect(html).toContain('href="https://pay.example/invoice/1"');
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
    expect(html).toContain("color:red");
    // cid: image served from the message's own attachment.
    const logo = d.attachments.find((a) => a.contentId?.includes("logo@acme"))!;
    expect(html).toContain(`src="/api/messages/${ids.hostile}/attachments/${logo.id}"`);
    expect(d.mailboxes.map((m) => m.name)).toEqual(["ar-fr"]);
    expect(d.rawUrl).toBe(`/api/messages/${ids.hostile}/raw`);

    const shown = (await (await clerk.request(`/api/messages/${ids.hostile}?remoteImages=show`)).json()) as MessageDetail;
    expect(shown.html).toContain('src="https://tracker.example/pixel.gif"');
    expect(shown.html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("shows an unparseable message with its error", async () => {
    const d = (await (await clerk.request(`/api/messages/${ids.broken}`)).json()) as MessageDetail;
    expect(d.parseStatus).toBe("parse_error");
    expect(d.parseError).toMatch(/From|Date/);
  });

  it("downloads the raw message byte for byte", async () => {
    for (const [key, raw] of [["odd", odd], ["broken", broken], ["hostile", hostile]] as const) {
      const res = await clerk.request(`/api/messages/${ids[key]}/raw`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("message/rfc822");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="message-\d+\.eml"/);
      expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
    }
  });

  it("serves attachments as safe downloads", async () => {
    const d = (await (await clerk.request(`/api/messages/${ids.hostile}`)).json()) as MessageDetail;
    const evil = d.attachments.find((a) => a.contentType === "text/html")!;
    const res = await clerk.request(evil.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    const disp = res.headers.get("content-disposition")!;
    expect(disp).toMatch(/^attachment; filename="[^"/\\\r\n]+"; filename\*=UTF-8''/);
    expect(disp).not.toMatch(/[\r\n]/);
    expect(disp).not.toContain("../");
    const logo = d.attachments.find((a) => a.filename === "logo.png")!;
    const img = await clerk.request(logo.url);
    expect(img.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("answers bad requests with the common error shape", async () => {
    const cases: Array<[string, number, string]> = [
      ["/api/messages/999999", 404, "NOT_FOUND"],
      ["/api/messages/abc", 422, "VALIDATION"],
      ["/api/messages?parseStatus=nope", 422, "VALIDATION"],
      ["/api/messages?cursor=bm9wZQ", 422, "VALIDATION"],
      ["/api/messages?since=yesterday", 422, "VALIDATION"],
      ["/api/messages?limit=5000", 422, "VALIDATION"],
      [`/api/messages/${ids.hostile}/attachments/999999`, 404, "NOT_FOUND"],
      [`/api/messages/${ids.plain}/raw/extra`, 404, "NOT_FOUND"],
    ];
    for (const [path, status, code] of cases) {
      const res = await clerk.request(path, { headers: { "x-request-id": "req-1" } });
      expect(res.status, path).toBe(status);
      expect(await res.json(), path).toMatchObject({ error: { code, requestId: "req-1" } });
    }
    // An attachment of another message is not reachable through this one.
    const d = (await (await clerk.request(`/api/messages/${ids.hostile}`)).json()) as MessageDetail;
    expect((await clerk.request(`/api/messages/${ids.plain}/attachments/${d.attachments[0].id}`)).status).toBe(404);
  });

  it("requires a session", async () => {
    const app = createApp(ctx);
    for (const path of ["/api/messages", `/api/messages/${ids.plain}`, `/api/messages/${ids.plain}/raw`]) {
      const res = await app.request(path);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
  });
});
