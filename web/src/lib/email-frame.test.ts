import { describe, it, expect } from "vitest";
import { buildSrcdoc, frameCsp, revealRemoteImages, FRAME_SANDBOX } from "./email-frame.ts";

describe("email frame", () => {
  it("never allows scripts or same-origin access", () => {
    expect(FRAME_SANDBOX).not.toMatch(/allow-scripts|allow-same-origin|allow-forms|allow-top-navigation/);
  });

  it("blocks remote loads until remote images are allowed", () => {
    expect(frameCsp(false)).toContain("default-src 'none'");
    expect(frameCsp(false)).toContain("img-src data: cid:;");
    expect(frameCsp(false)).not.toMatch(/https?:/);
    expect(frameCsp(true)).toContain("img-src data: cid: https: http:");
    expect(frameCsp(true)).not.toMatch(/script-src/);
  });

  it("puts remote images back only on request", () => {
    const html = '<p>x</p><img alt="logo" data-remote-src="https://t.example/p.gif"><img src="data:image/png;base64,AA==">';
    expect(buildSrcdoc(html, false)).toContain('data-remote-src="https://t.example/p.gif"');
    expect(buildSrcdoc(html, false)).not.toMatch(/\ssrc="https:/);
    expect(revealRemoteImages(html)).toBe('<p>x</p><img alt="logo" src="https://t.example/p.gif"><img src="data:image/png;base64,AA==">');
    const doc = buildSrcdoc(html, true);
    expect(doc).toContain('src="https://t.example/p.gif"');
    expect(doc.indexOf("Content-Security-Policy")).toBeLessThan(doc.indexOf("<body>"));
  });
});
