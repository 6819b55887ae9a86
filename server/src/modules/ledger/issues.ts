import type { z } from "zod";
import { AppError } from "../../errors.ts";

/**
 * A problem found in an import file, located the way the clerk will look for it:
 * a CSV line number as in the file (1 = header) and column, or a JSON path like
 * debtors[3].contacts[0].email.
 */
export interface ImportIssue {
  line?: number;
  column?: string;
  path?: string;
  message: string;
}

/** Where a record came from; `field` names the offending field in the file's own vocabulary. */
export type Loc = { line: number } | { path: string };

export function issueAt(loc: Loc, field: { json: string; csv: string } | null, message: string): ImportIssue {
  if ("line" in loc) return { line: loc.line, ...(field ? { column: field.csv } : {}), message };
  return { path: field ? `${loc.path}.${field.json}` : loc.path, message };
}

export function describeIssue(i: ImportIssue): string {
  if (i.line !== undefined) return `line ${i.line}${i.column ? ` (${i.column})` : ""}: ${i.message}`;
  return `${i.path || "(file)"}: ${i.message}`;
}

/** Past this many problems the file is clearly the wrong one; listing more helps nobody. */
const MAX_ISSUES = 200;

/** Collects every problem of a file so the clerk can fix them all in one go. */
export class IssueList {
  readonly items: ImportIssue[] = [];
  add(issue: ImportIssue) {
    if (this.items.length < MAX_ISSUES) this.items.push(issue);
  }
  get size() {
    return this.items.length;
  }
  /** Enough to reject the file: callers stop looking for more. */
  get full() {
    return this.items.length >= MAX_ISSUES;
  }
  /** The whole file is rejected: nothing has been (or will be) written. */
  throwIfAny(): void {
    if (this.items.length) throw importRejected(this.items);
  }
}

export function importRejected(issues: ImportIssue[]): AppError {
  const shown = issues.slice(0, 5).map(describeIssue).join("; ");
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  return new AppError("VALIDATION", `Import rejected, nothing was written. ${shown}${more}`, { issues });
}

/** ["debtors", 3, "contacts", 0, "email"] -> "debtors[3].contacts[0].email" */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/**
 * Zod issues of a record, as import issues at `base` (JSON path prefix or CSV
 * line). Any issue on an absent field reads "is required", whatever the
 * schema's wording for a wrong type.
 */
export function zodIssues(error: z.ZodError, base: Loc, input: unknown): ImportIssue[] {
  return error.issues.map((raw) => {
    const missing = raw.path.length > 0 && valueAt(input, raw.path) === undefined;
    const i = missing ? { ...raw, message: "is required" } : raw;
    if ("line" in base) return { line: base.line, ...(i.path.length ? { column: String(i.path[0]) } : {}), message: i.message };
    const path = jsonPath([...(base.path ? [base.path] : []), ...i.path]);
    return { path, message: i.message };
  });
}

/**
 * Keys of `value` that `schema` does not know. Unknown fields are ignored (so
 * ledgers with extra keys still load) but reported as warnings so that a typo
 * such as "openAmmount" does not go unnoticed.
 */
export function unknownKeys(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return unknownKeys(def.innerType as z.ZodType, value, path);
    case "pipe": // .transform() keeps the object in `in`, z.preprocess() in `out`
      return [...new Set([...unknownKeys(def.in as z.ZodType, value, path), ...unknownKeys(def.out as z.ZodType, value, path)])];
    case "array":
      return Array.isArray(value)
        ? value.flatMap((v, i) => unknownKeys(def.element as z.ZodType, v, [...path, i]))
        : [];
    case "object": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(value).flatMap(([k, v]) =>
        Object.hasOwn(shape, k) ? unknownKeys(shape[k], v, [...path, k]) : [jsonPath([...path, k])],
      );
    }
    default:
      return [];
  }
}
