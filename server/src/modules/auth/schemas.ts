import { z } from "zod";
import { ROLES } from "./roles.ts";

// Contracts of /api/auth, shared with the web UI (type imports only).
export const LOCALES = ["en", "fr", "nl"] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;
export const roleSchema = z.enum(ROLES);

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1000),
});
export type LoginInput = z.infer<typeof loginInput>;

export const publicUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  locale: localeSchema,
});
export type PublicUser = z.infer<typeof publicUser>;

/** What login and /me return: the user and the CSRF token to echo in `x-csrf-token`. */
export type SessionInfo = { user: PublicUser; csrfToken: string };

export const updateMeInput = z
  .object({
    name: z.string().trim().max(200).nullable().optional(),
    locale: localeSchema.optional(),
    currentPassword: z.string().max(1000).optional(),
    newPassword: z.string().min(8).max(1000).optional(),
  })
  .refine((v) => !v.newPassword || v.currentPassword, { message: "currentPassword is required to set a new password", path: ["currentPassword"] });
export type UpdateMeInput = z.infer<typeof updateMeInput>;
