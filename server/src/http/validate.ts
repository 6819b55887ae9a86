import type { Context } from "hono";
import type { z } from "zod";

// Handlers validate with these so a bad request always becomes the common
// VALIDATION error (via ZodError in onError), never an ad-hoc shape.
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    body = undefined;
  }
  return schema.parse(body);
}

export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return schema.parse(c.req.query());
}

export function pathParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return schema.parse(c.req.param());
}
