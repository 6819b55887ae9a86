import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret } from "./secret-box.ts";

const KEY = "a-long-enough-test-key-0123456789";

describe("secret box", () => {
  it("seals and opens a password; the sealed text does not contain it", () => {
    const sealed = sealSecret("s3cret-imap-pässword", KEY);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("s3cret");
    expect(openSecret(sealed, KEY)).toBe("s3cret-imap-pässword");
    // A fresh IV every time: the same password never seals to the same text.
    expect(sealSecret("s3cret-imap-pässword", KEY)).not.toBe(sealed);
  });

  it("leaves env: references and sealed values alone", () => {
    expect(sealSecret("env:AR_IMAP_PASSWORD", KEY)).toBe("env:AR_IMAP_PASSWORD");
    const sealed = sealSecret("x", KEY);
    expect(sealSecret(sealed, KEY)).toBe(sealed);
  });

  it("refuses a wrong key or an altered value", () => {
    const sealed = sealSecret("s3cret", KEY);
    expect(() => openSecret(sealed, "another-key-entirely-0123456789")).toThrow();
    const bytes = Buffer.from(sealed.slice("enc:v1:".length), "base64");
    bytes[bytes.length - 1] ^= 1;
    expect(() => openSecret(`enc:v1:${bytes.toString("base64")}`, KEY)).toThrow();
  });
});
