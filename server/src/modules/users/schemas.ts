import { z } from "zod";
import { localeSchema, publicUser, roleSchema } from "../auth/schemas.ts";
import { MIN_PASSWORD_LENGTH } from "../auth/password.ts";

// Contracts of /api/users (managers and admins manage accounts).
export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
  role: roleSchema,
  name: z.string().trim().max(200).nullable().optional(),
  locale: localeSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  name: z.string().trim().max(200).nullable().optional(),
  role: roleSchema.optional(),
  locale: localeSchema.optional(),
  active: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userIdParam = z.object({ id: z.coerce.number().int().positive() });

export const userListItem = publicUser.extend({
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserListItem = z.infer<typeof userListItem>;
export type UserList = { users: UserListItem[] };
export type UserDirectory = { users: { id: number; name: string | null; email: string; role: string }[] };
