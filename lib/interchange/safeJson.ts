import { canonicalJson } from './backup';

// Helpers the work-pack file shares with the backup's rules: JSON that may not reach an object's
// prototype, and a SHA-256 over canonical JSON so equal data always hashes the same.

/** Keys that could reach an object's prototype if a later merge copied the parsed object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJson = { ok: true; value: unknown } | { ok: false; reason: 'not_json' | 'forbidden_key' };

class ForbiddenKeyError extends Error {}

/** Parses JSON, refusing any object key in FORBIDDEN_KEYS at any depth. */
export function parseSafeJson(text: string): SafeJson {
  try {
    const value: unknown = JSON.parse(text, (key, field: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError();
      return field;
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof ForbiddenKeyError ? 'forbidden_key' : 'not_json' };
  }
}

/** `sha256:<hex>` over the canonical JSON of `value`. */
export async function sha256Of(value: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(value)));
  return `sha256:${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
