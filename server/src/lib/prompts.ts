import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ChatMessage } from "./llm/client.ts";
import { isPromptSchemaName, type PromptSchemaName } from "./llm/schemas.ts";

/**
 * Prompts live as Markdown files in prompts/ so they can be read, reviewed and
 * versioned like code:
 *
 *   ---
 *   id: classify-email          (= file name)
 *   version: 1                  (bump on every change; stored with results)
 *   schema: classify-email      (output zod schema, server/src/lib/llm/schemas.ts)
 *   description: ...
 *   ---
 *   # [system]
 *   ...instructions...
 *   # [user]
 *   ...{{variables}}...
 *
 * Variables are filled by renderPrompt(), which treats every value as
 * untrusted: it cannot close or open the prompt's XML-ish tags (<email>...).
 */

export const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prompts");

export interface Prompt {
  id: string;
  version: number;
  schema: PromptSchemaName;
  description: string;
  sections: Array<{ role: "system" | "user"; template: string }>;
}

export interface RenderedPrompt {
  id: string;
  version: number;
  schema: PromptSchemaName;
  /** "classify-email@1": stored in llm_usage.prompt_id and with results. */
  ref: string;
  messages: ChatMessage[];
}

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.coerce.number().int().positive(),
  schema: z.string().refine(isPromptSchemaName, "no output schema of that name in server/src/lib/llm/schemas.ts"),
  description: z.string().min(1),
});

/** The small YAML subset prompts use: `key: value` lines, optional quotes, # comments. */
function parseFrontMatter(block: string, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, raw] of block.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) throw new Error(`${where}: front-matter line ${n + 2} is not "key: value"`);
    let value = m[2].trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? JSON.parse(`"${quoted[2]}"`) : quoted[2].replace(/''/g, "'");
    out[m[1]] = value;
  }
  return out;
}

/** Parse a prompt file's text. */
export function parsePrompt(text: string, where = "prompt"): Prompt {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${where}: missing front-matter (--- ... ---)`);
  const meta = frontMatterSchema.safeParse(parseFrontMatter(m[1], where));
  if (!meta.success) throw new Error(`${where}: bad front-matter: ${z.prettifyError(meta.error)}`);
  const sections: Prompt["sections"] = [];
  const parts = m[2].split(/^# \[(system|user)\]\s*$/m);
  // parts = [preamble, role, body, role, body, ...]
  if (parts[0].trim()) throw new Error(`${where}: text before the first "# [system]" / "# [user]" heading`);
  for (let i = 1; i < parts.length; i += 2) {
    sections.push({ role: parts[i] as "system" | "user", template: parts[i + 1].trim() });
  }
  if (!sections.some((s) => s.role === "user")) throw new Error(`${where}: no "# [user]" section`);
  return { ...meta.data, schema: meta.data.schema as PromptSchemaName, sections };
}

const cache = new Map<string, Prompt>();

/** Load prompts/<id>.md (cached). */
export function loadPrompt(id: string, dir: string = PROMPTS_DIR): Prompt {
  const key = `${dir}\0${id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`bad prompt id ${JSON.stringify(id)}`);
  const file = path.join(dir, `${id}.md`);
  const prompt = parsePrompt(readFileSync(file, "utf8"), file);
  if (prompt.id !== id) throw new Error(`${file}: front-matter id "${prompt.id}" does not match the file name`);
  cache.set(key, prompt);
  return prompt;
}

/** Tag names the prompt uses as delimiters (<email>, </email>...). */
function delimiterTags(prompt: Prompt): string[] {
  const tags = new Set<string>(["email"]);
  for (const s of prompt.sections) for (const m of s.template.matchAll(/<\/?([A-Za-z][\w-]*)>/g)) tags.add(m[1].toLowerCase());
  return [...tags];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Neutralise anything in untrusted text that could pass for one of the
 * prompt's delimiter tags — `</email>`, `< / EMAIL >`, full-width `＜/email＞` —
 * by turning its "<" into "&lt;". The text stays readable for the model but
 * can no longer end the data block and smuggle in instructions. NUL and other
 * C0 controls (except tab/newline) are dropped.
 */
export function escapeUntrusted(value: string, tags: string[]): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  if (!tags.length) return clean;
  const re = new RegExp(`[<\\uFF1C\\uFE64]\\s*(/?)\\s*(${tags.map(escapeRegExp).join("|")})(?![\\w-])`, "giu");
  return clean.replace(re, (_all, slash: string, tag: string) => `&lt;${slash}${tag}`);
}

/** Fill {{variables}}; every value is escaped as untrusted. A missing variable is a programming error. */
export function renderPrompt(prompt: Prompt, vars: Record<string, string | number | null | undefined>): RenderedPrompt {
  const tags = delimiterTags(prompt);
  const messages = prompt.sections.map((s) => ({
    role: s.role,
    // One pass: a value containing "{{x}}" is not expanded again.
    content: s.template.replace(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (_m, name: string) => {
      if (!Object.hasOwn(vars, name)) throw new Error(`prompt ${prompt.id}: no value for {{${name}}}`);
      return escapeUntrusted(String(vars[name] ?? ""), tags);
    }),
  }));
  return { id: prompt.id, version: prompt.version, schema: prompt.schema, ref: `${prompt.id}@${prompt.version}`, messages };
}
