import bcrypt from "bcryptjs";

/** bcrypt cost for new hashes; the cost is stored inside each hash, so it can be raised later. */
export const BCRYPT_ROUNDS = 12;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string, rounds = BCRYPT_ROUNDS): Promise<string> {
  return bcrypt.hash(password, rounds);
}

// Compared against when the account does not exist, so an unknown email takes
// as long as a wrong password and login timing does not reveal which accounts exist.
// Made on first use, not at import, so loading the app stays fast.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash("relance-dummy-password", BCRYPT_ROUNDS);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
