import type { AppContext } from "../context.ts";

/** Hono variables set by middleware, visible to every route. */
export interface AppEnv {
  Variables: {
    ctx: AppContext;
    requestId: string;
    /** Set by the auth middleware once users exist. */
    user?: { id: number; email: string; role: string; name?: string | null; locale?: string | null };
    /** The login session behind the request (set with user by the auth middleware). */
    session?: { id: string; csrfToken: string };
  };
}
