/**
 * A synchronous HTTP GET for Web metrics that leave the simulated world, used only when the user
 * opts in (`--allow-http`). Providers are synchronous, so the request runs in a short-lived child
 * Node process; Node-only, never imported by browser code.
 */
import { spawnSync } from 'node:child_process';

const CHILD = `
const [url, headers, timeout] = process.argv.slice(1);
fetch(url, { headers: JSON.parse(headers), signal: AbortSignal.timeout(Number(timeout)) })
  .then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, body: await r.text() })))
  .catch((e) => process.stdout.write(JSON.stringify({ error: String(e && e.message || e) })));
`;

/** realHttpGet fetches `url` (GET) and returns its status and body, or an error as a 599 answer. */
export function realHttpGet(
  url: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs = 10_000,
): { status: number; body: string } | undefined {
  if (!/^https?:\/\//.test(url)) return undefined;
  const r = spawnSync(
    process.execPath,
    ['-e', CHILD, url, JSON.stringify(headers), String(timeoutMs)],
    {
      encoding: 'utf8',
      timeout: timeoutMs + 5_000,
    },
  );
  try {
    const out = JSON.parse(r.stdout) as { status?: number; body?: string; error?: string };
    if (out.error !== undefined) return { status: 599, body: out.error };
    return { status: out.status ?? 599, body: out.body ?? '' };
  } catch {
    return { status: 599, body: r.stderr || 'request failed' };
  }
}
