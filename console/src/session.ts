/**
 * The signed-in user: the bearer token lives in this tab's sessionStorage only (never localStorage, a cookie
 * or a URL), so it ends with the tab. Its claims are decoded here for display only: the server verifies them.
 */
const KEY = 'celltrail.token';

export interface Claims {
  sub: string;
  name: string;
  roles: string[];
  facilities: string[];
  /** Seconds since the epoch. */
  exp: number | null;
}

/** The payload of a JWT, or null when the text is not one (the signature is the server's business). */
export function claimsOf(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || !Array.isArray(claims.facilities)) return null;
    return {
      sub: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      roles: claims.roles.map(String),
      facilities: claims.facilities.map(String),
      exp: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}

export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  signIn(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  signOut(): void {
    sessionStorage.removeItem(KEY);
  },
};
