import { PDFParse } from "pdf-parse";

/**
 * Text of a PDF attachment (remittance advices, court notices). Best effort:
 * a broken or encrypted PDF gives null, never an exception.
 */
export async function extractPdfText(content: Buffer, maxChars = 100_000): Promise<string | null> {
  if (content.length === 0 || content.subarray(0, 5).toString("latin1") !== "%PDF-") return null;
  const parser = new PDFParse({ data: new Uint8Array(content) });
  try {
    const result = await parser.getText();
    return result.text.slice(0, maxChars);
  } catch {
    return null;
  } finally {
    await parser.destroy().catch(() => {});
  }
}
