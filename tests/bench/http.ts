import type { RunningApp } from '../../functions/local/app.js';

/** One JSON call to the running app, as a client makes it (the bench's own, unchecked: speed is what it measures). */
export async function call(app: RunningApp, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(app.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}
