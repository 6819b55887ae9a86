import { describe, it, expect } from "vitest";
import { contentHash } from "./content-hash.ts";

const msg = (eol: string, trace = "") =>
  Buffer.from(`${trace}From: a@acme.example${eol}Subject: Invoice 12${eol}Message-ID: <x@acme.example>${eol}${eol}Paid.${eol}Thanks${eol}`);

describe("contentHash", () => {
  it("is the same for copies that differ only by trace headers or line endings", () => {
    const base = contentHash(msg("\r\n"));
    expect(contentHash(msg("\n"))).toBe(base);
    expect(contentHash(msg("\r\n", "Received: from mx1\r\n  by mx2; Mon, 4 Mar 2024\r\nDelivered-To: ar@relance.test\r\n"))).toBe(base);
  });

  it("tells apart different content, including header-less fragments and malformed header lines", () => {
    const hashes = [
      msg("\r\n"),
      Buffer.from(msg("\r\n").toString().replace("Invoice 12", "Invoice 13")),
      Buffer.from("Just a reply fragment without headers"),
      Buffer.from("Another fragment, also without headers"),
      Buffer.from("not a header line\r\nSubject: x\r\n\r\nbody"),
      Buffer.from("other junk line\r\nSubject: x\r\n\r\nbody"),
    ].map(contentHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
