import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { AppError } from "../errors.ts";

/** The one error shape of the API: {error:{code,message,requestId}}. */
export function errorBody(c: Context, code: string, message: string, details?: unknown) {
  const requestId = c.get("requestId") ?? "";
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

export function onError(err: Error, c: Context) {
  if (err instanceof AppError) return c.json(errorBody(c, err.code, err.message, err.details), err.status);
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    return c.json(errorBody(c, "VALIDATION", message, err.issues), 422);
  }
  if (err instanceof HTTPException) {
    const code = err.status === 413 ? "PAYLOAD_TOO_LARGE" : err.status === 401 ? "UNAUTHORIZED" : "BAD_REQUEST";
    return c.json(errorBody(c, code, err.message || "Bad request"), err.status);
  }
  c.var.ctx?.log.error("unhandled error", { err: String(err?.stack ?? err) });
  return c.json(errorBody(c, "INTERNAL", "Internal server error"), 500);
}
