/**
 * The client's native read path (@kurrent/bridge) waits `discoveryInterval` — 500 ms by default —
 * before its first connection. Tests open many clients, so they shorten it.
 */
export const quickToConnect = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}discoveryInterval=10`;
