import { describe, it, expect } from "vitest";
import { render } from "svelte/server";
import ViewNav from "./inbox/ViewNav.svelte";
import MessageList from "./inbox/MessageList.svelte";
import EmailBody from "./inbox/EmailBody.svelte";
import Confusion from "./manager/Confusion.svelte";
import { item } from "../lib/test-items.ts";

// Server-side renders of the components: markup, accessible names and counts, without a browser.
const noop = () => {};

describe("components", () => {
  it("ViewNav shows each view with its count and marks the current one", () => {
    const { body } = render(ViewNav, {
      props: { view: "unassigned", counts: { all: 1234, unassigned: 7, attention: 3, done: 10_000, intents: { dispute: 2 }, debtors: [{ id: 4, number: "C4", name: "Four BV", count: 5 }] }, onselect: noop },
    });
    expect(body).toContain('aria-label="Views"');
    expect(body).toMatch(/data-view="unassigned"[^>]*aria-current="true"|aria-current="true"[^>]*data-view="unassigned"/);
    expect(body).toContain("1,234");
    expect(body).toContain("10,000+");
    expect(body).toMatch(/Dispute<\/span><span class="count[^"]*">2</);
    expect(body).toContain("Four BV");
  });

  it("MessageList names its checkboxes and shows intent, debtor and unassigned tags", () => {
    const { body } = render(MessageList, {
      props: {
        items: [item(1, { subject: "Wrong price" }), item(2, { subject: "Who are you", debtor: null, intentConfidence: 0.3 })],
        selectedId: 2, checked: [1], loading: false, hasMore: true,
        onopen: noop, ontoggle: noop, ontoggleall: noop, onmore: noop,
      },
    });
    expect(body).toContain('aria-label="Select “Wrong price”"');
    expect(body).toContain('aria-label="Select all shown"');
    expect(body).toContain("Unassigned");
    expect(body).toMatch(/class="badge low[^"]*"[^>]*>Question/);
    expect(body).toContain("Load more");
    expect(body).toMatch(/data-message-id="2"/);
  });

  it("EmailBody renders HTML only in a script-less sandboxed frame with remote images blocked", () => {
    const { body } = render(EmailBody, { props: { html: '<p>Hi</p><img data-remote-src="https://t.example/x.gif">', text: "Hi", hasRemoteImages: true } });
    expect(body).toMatch(/<iframe[^>]*sandbox="allow-popups allow-popups-to-escape-sandbox"/);
    expect(body).not.toContain("allow-scripts");
    expect(body).toContain("Load remote images");
    expect(body).toContain("img-src data: cid:;");
    const text = render(EmailBody, { props: { html: null, text: "<b>not html</b>", hasRemoteImages: false } }).body;
    expect(text).toContain("&lt;b>not html&lt;/b>");
    expect(text).not.toContain("<iframe");
  });

  it("Confusion puts the clerk's corrections off the diagonal", () => {
    const { body } = render(Confusion, { props: { confusion: { question: { question: 4, document_request: 1 }, dispute: { dispute: 2 } } } });
    expect(body).toMatch(/data-cell="question->document_request"[^>]*>1</);
    expect(body).toMatch(/class="num[^"]*diag[^"]*"[^>]*data-cell="question->question"/);
    expect(body).toContain("Document request");
  });
});
