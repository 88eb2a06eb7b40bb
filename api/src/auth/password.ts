import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Verified when an email is unknown, so a wrong email and a wrong password take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Xc9c7YqHSzJZv+3Yk7Rp7H9M6vX2r8wQ3pW1tK0nL5A';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

/** The password policy: at least 12 characters, at most 200, and not the email. Returns a message or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < 12) return 'password must be at least 12 characters';
  if (password.length > 200) return 'password must be at most 200 characters';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'password must not be your email';
  return null;
}
