import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { jsonBody, pathParams } from "../../http/validate.ts";
import { AppError } from "../../errors.ts";
import { hasAtLeast } from "../auth/roles.ts";
import { createUserInput, updateUserInput, userIdParam, type UserDirectory, type UserList } from "./schemas.ts";
import { createUser, listUsers, updateUser } from "./service.ts";

// Account management for managers and admins (the route table limits access;
// the service keeps admin accounts to admins).
export const userRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ users: await listUsers({ ctx: c.var.ctx }) } satisfies UserList))
  // Names of active colleagues (for assignees): every role may read it, see auth/route-roles.ts.
  .get("/directory", async (c) => {
    const users = (await listUsers({ ctx: c.var.ctx })).filter((u) => u.active);
    return c.json({ users: users.map(({ id, name, email, role }) => ({ id, name, email, role })) } satisfies UserDirectory);
  })
  .post("/", async (c) => {
    const input = await jsonBody(c, createUserInput);
    if (input.role === "admin" && !hasAtLeast(c.var.user!.role, "admin")) {
      throw new AppError("FORBIDDEN", "Only an admin can create admin accounts");
    }
    return c.json({ user: await createUser({ ctx: c.var.ctx, input }) }, 201);
  })
  .patch("/:id", async (c) => {
    const { id } = pathParams(c, userIdParam);
    const changes = await jsonBody(c, updateUserInput);
    const user = await updateUser({ ctx: c.var.ctx, input: { actor: c.var.user!, id, changes } });
    return c.json({ user });
  });
