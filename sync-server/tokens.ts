import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens are 256 random bits, shown once. The server keeps only their SHA-256
 * (a stolen data folder does not let anyone connect) and a short clear prefix,
 * which names the token in logs and lets an admin revoke it by that prefix.
 */
export const TOKEN_ID_LENGTH = 8;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenId(token: string): string {
  return token.slice(0, TOKEN_ID_LENGTH);
}
