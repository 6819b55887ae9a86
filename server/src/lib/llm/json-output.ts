/**
 * Pull the JSON object out of a model's reply. Models asked for JSON still
 * wrap it in code fences, prefix a sentence, or (reasoning models) emit a
 * <think> block first; all of that is tolerated here so that only genuinely
 * broken output costs a repair round-trip.
 */
export function parseJsonReply(content: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let text = content.replace(/<think>[\s\S]*?<\/think>/gi, "").trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced) text = fenced[1].trim();
  if (!text) return { ok: false, error: "the reply was empty" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const start = text.indexOf("{");
    const end = text.lastIndexOf("}");
    if (start >= 0 && end > start) {
      try {
        return { ok: true, value: JSON.parse(text.slice(start, end + 1)) };
      } catch {
        // fall through to the original error
      }
    }
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
