import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "../../../server/src/app.ts";
import type { AppContext } from "../../../server/src/context.ts";
import { createUser } from "../../../server/src/modules/users/service.ts";
import type { Role } from "../../../server/src/modules/auth/roles.ts";
import { freshContext } from "../../helpers/context.ts";
import { buildWebOnce } from "./web-build.ts";

export interface RunningServer {
  ctx: AppContext;
  url: string;
  /** Users per role, all with PASSWORD. */
  users: Record<Role, string>;
  close(): Promise<void>;
}

export const PASSWORD = "e2e password 123";

/** The real server (API + built UI) on a random loopback port over a fresh PGlite. */
export async function startServer(opts: { env?: Record<string, string>; seed?: (ctx: AppContext) => Promise<void> } = {}): Promise<RunningServer> {
  const [webDir, ctx] = await Promise.all([buildWebOnce(), freshContext(opts.env)]);
  const users = {} as Record<Role, string>;
  for (const role of ["clerk", "collector", "manager", "admin"] as const) {
    users[role] = `${role}@relance.test`;
    await createUser({ ctx, input: { email: users[role], password: PASSWORD, role, name: `${role[0].toUpperCase()}${role.slice(1)} Test` }, rounds: 4 });
  }
  await opts.seed?.(ctx);
  const app = createApp(ctx, { webDir });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ctx,
    url: `http://127.0.0.1:${port}`,
    users,
    async close() {
      // SSE connections stay open: end them so close() returns.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.database.close();
    },
  };
}
