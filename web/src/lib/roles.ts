// The role ladder is the server's own (one definition for API and UI).
export { ROLES, hasAtLeast, type Role } from "../../../server/src/modules/auth/roles.ts";
