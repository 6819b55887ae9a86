import { readFileSync } from "node:fs";
import path from "node:path";
import { PROMPTS_DIR } from "../../lib/prompts.ts";

/**
 * Reply templates: prompts/drafts/<intent>.<language>.md, a person's letter
 * with {{variables}} filled from the ledger. Same front-matter convention as
 * the LLM prompts (id + version, stored on each draft), but the body is a
 * letter, not a chat, so it has its own two sections:
 *
 *   ---
 *   id: draft-dispute-en
 *   version: 1
 *   intent: dispute
 *   language: en
 *   ---
 *   # [subject]
 *   Re: {{subject}}
 *   # [body]
 *   {{#if name}}Dear {{name}},{{else}}Dear Sir or Madam,{{/if}}
 *   {{#if firm}}...{{else}}...{{/if}}
 *
 * Blocks: {{#if v}}…{{else}}…{{/if}} and {{#if not v}}…{{/if}} (nestable); a
 * value is true when it is a non-empty string. A missing variable is an error:
 * templates are tested for every intent × language.
 */
export const DRAFT_TEMPLATES_DIR = path.join(PROMPTS_DIR, "drafts");

export interface DraftTemplate {
  id: string;
  version: number;
  intent: string;
  language: string;
  subject: string;
  body: string;
}

export type TemplateVars = Record<string, string>;

export function parseTemplate(text: string, where: string): DraftTemplate {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${where}: missing front-matter`);
  const meta: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) meta[kv[1]] = kv[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  const version = Number(meta.version);
  if (!meta.id || !Number.isInteger(version) || version < 1 || !meta.intent || !meta.language) {
    throw new Error(`${where}: front-matter needs id, version (a positive integer), intent and language`);
  }
  const parts = m[2].split(/^# \[(subject|body)\]\s*$/m);
  const sections: Record<string, string> = {};
  for (let i = 1; i < parts.length; i += 2) sections[parts[i]] = parts[i + 1].replace(/^\n+|\s+$/g, "");
  if (!sections.subject || !sections.body) throw new Error(`${where}: needs a "# [subject]" and a "# [body]" section`);
  return { id: meta.id, version, intent: meta.intent, language: meta.language, subject: sections.subject, body: sections.body };
}

const cache = new Map<string, DraftTemplate>();

export function loadTemplate(intent: string, language: string, dir = DRAFT_TEMPLATES_DIR): DraftTemplate {
  const key = `${dir}\0${intent}.${language}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[a-z_]+$/.test(intent) || !/^[a-z]{2}$/.test(language)) throw new Error(`bad template name ${intent}.${language}`);
  const file = path.join(dir, `${intent}.${language}.md`);
  const t = parseTemplate(readFileSync(file, "utf8"), file);
  if (t.intent !== intent || t.language !== language) throw new Error(`${file}: front-matter intent/language do not match the file name`);
  cache.set(key, t);
  return t;
}

type Node = { text: string } | { name: string } | { cond: string; negate: boolean; then: Node[]; otherwise: Node[] };

function parseNodes(template: string, where: string): Node[] {
  // A line holding only a block tag disappears with its line break (as in Mustache), so
  // blocks can sit on their own lines without leaving blank lines behind.
  const src = template.replace(/^[ \t]*(\{\{\s*(?:#if\s+[^}]+|else|\/if)\s*\}\})[ \t]*(?:\r?\n|$)/gm, "$1");
  const re = /\{\{\s*(#if\s+(not\s+)?([A-Za-z_]\w*)|else|\/if|([A-Za-z_]\w*))\s*\}\}/g;
  const root: Node[] = [];
  const stack: { nodes: Node[]; block?: Extract<Node, { cond: string }>; inElse?: boolean }[] = [{ nodes: root }];
  let last = 0;
  const top = () => stack[stack.length - 1];
  const push = (n: Node) => {
    const t = top();
    (t.block ? (t.inElse ? t.block.otherwise : t.block.then) : t.nodes).push(n);
  };
  for (const m of src.matchAll(re)) {
    if (m.index! > last) push({ text: src.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[3]) {
      const block = { cond: m[3], negate: Boolean(m[2]), then: [], otherwise: [] };
      push(block);
      stack.push({ nodes: [], block });
    } else if (m[1] === "else") {
      if (!top().block || top().inElse) throw new Error(`${where}: {{else}} outside an {{#if}}`);
      top().inElse = true;
    } else if (m[1] === "/if") {
      if (!top().block) throw new Error(`${where}: {{/if}} without {{#if}}`);
      stack.pop();
    } else push({ name: m[4] });
  }
  if (stack.length !== 1) throw new Error(`${where}: unclosed {{#if}}`);
  if (last < src.length) push({ text: src.slice(last) });
  return root;
}

function renderNodes(nodes: Node[], vars: TemplateVars, where: string): string {
  let out = "";
  for (const n of nodes) {
    if ("text" in n) out += n.text;
    else if ("name" in n) {
      if (!Object.hasOwn(vars, n.name)) throw new Error(`${where}: no value for {{${n.name}}}`);
      out += vars[n.name];
    } else {
      if (!Object.hasOwn(vars, n.cond)) throw new Error(`${where}: no value for {{#if ${n.cond}}}`);
      const truthy = vars[n.cond] !== "";
      out += renderNodes(truthy !== n.negate ? n.then : n.otherwise, vars, where);
    }
  }
  return out;
}

/** Tidy what conditional blocks leave behind: trailing spaces, runs of blank lines. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function renderTemplate(t: DraftTemplate, vars: TemplateVars): { subject: string; body: string } {
  const where = `template ${t.id}@${t.version}`;
  return {
    subject: tidy(renderNodes(parseNodes(t.subject, where), vars, where)).replace(/\s+/g, " "),
    body: tidy(renderNodes(parseNodes(t.body, where), vars, where)) + "\n",
  };
}
