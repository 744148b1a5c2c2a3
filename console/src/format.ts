/** How times, ids and names are shown: ISO-like UTC, so that clinical and recorded times compare at a glance. */
export const utc = (iso: string | null | undefined): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');
export const shortId = (id: string): string => id.slice(0, 8);
export const shortHash = (hash: string | null | undefined): string => (hash ? `${hash.slice(0, 12)}…` : '—');
export const words = (enumValue: string | null | undefined): string => (enumValue ? enumValue.replace(/_/g, ' ').toLowerCase() : '—');
export const value = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
