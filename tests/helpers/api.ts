import { randomBytes } from "node:crypto";
import type { AppContext } from "../../server/src/context.ts";
import { createApp } from "../../server/src/app.ts";
import { createUser } from "../../server/src/modules/users/service.ts";
import type { Role } from "../../server/src/modules/auth/roles.ts";
import type { PublicUser } from "../../server/src/modules/auth/schemas.ts";

export interface ApiClient {
  user: PublicUser;
  csrfToken: string;
  /** app.request() as this user: session cookie + CSRF header; a string body defaults to JSON. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

type RequestableApp = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/**
 * Create a user with `role` (cheap bcrypt cost), log in through the real
 * /api/auth/login and return a client that sends the session cookie and the
 * x-csrf-token header on every request.
 */
export async function apiAs(ctx: AppContext, role: Role, app: RequestableApp = createApp(ctx)): Promise<ApiClient> {
  const email = `${role}-${randomBytes(6).toString("hex")}@test.example`;
  const password = randomBytes(12).toString("base64url");
  await createUser({ ctx, input: { email, password, role, name: `Test ${role}` }, rounds: 4 });
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`apiAs: login failed with ${res.status}: ${await res.text()}`);
  const { user, csrfToken } = (await res.json()) as { user: PublicUser; csrfToken: string };
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  return {
    user,
    csrfToken,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("cookie", cookie);
      headers.set("x-csrf-token", csrfToken);
      if (typeof init.body === "string" && !headers.has("content-type")) headers.set("content-type", "application/json");
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
  };
}
