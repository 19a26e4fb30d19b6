// Helpers for the browser interop tests: the server under test, tokens minted with the official Node SDK, a headless
// Chromium with the flags of shared/specs/test-peers.md, the bundled test page, and calls into it. run.sh starts the
// server and the page server and passes their addresses in INTEROP_* variables; a test file only imports this.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AccessToken } from 'livekit-server-sdk';

export const config = Object.freeze({
  serverUrl: process.env.INTEROP_SERVER_URL ?? 'http://127.0.0.1:7880',
  wsUrl: (process.env.INTEROP_SERVER_URL ?? 'http://127.0.0.1:7880').replace(/^http/, 'ws'),
  pageUrl: process.env.INTEROP_PAGE_URL ?? 'http://127.0.0.1:7890/',
  metricsUrl: process.env.INTEROP_METRICS_URL ?? 'http://127.0.0.1:6789/metrics',
  apiUrl: process.env.INTEROP_API_URL ?? 'http://127.0.0.1:8090',
  apiKey: process.env.INTEROP_API_KEY ?? 'devkey',
  apiSecret: process.env.INTEROP_API_SECRET ?? 'secret',
  chromium: process.env.INTEROP_CHROMIUM ?? '/usr/bin/chromium',
  turnUdpPort: Number(process.env.INTEROP_TURN_PORT ?? 3478),
  turnUser: 'interop',
  turnPassword: 'interop-turn-password',
  turnRestSecret: 'interop-rest-secret',
});

/** Chromium flags that work headless with fake media on loopback (shared/specs/test-peers.md). */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
]);

/** Rejects with a message naming `what` when `promise` takes longer than `ms`. */
export async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A join token from livekit-server-sdk's AccessToken. `grants` is merged over {roomJoin, room}; pass `secret` to
 * sign with another secret (a bad token), `ttl` as the SDK accepts it ('10m', seconds).
 */
export async function mintToken({ identity, room, name, metadata, grants = {}, ttl = '10m',
  apiKey = config.apiKey, secret = config.apiSecret } = {}) {
  const token = new AccessToken(apiKey, secret, { identity, name, metadata, ttl });
  token.addGrant({ roomJoin: true, room, ...grants });
  return token.toJwt();
}

/** Headless Chromium; close it in an `after` hook (run.sh also kills anything left when the suite ends). */
export function launchBrowser() {
  return withTimeout(chromium.launch({ executablePath: config.chromium, args: [...CHROMIUM_FLAGS], headless: true }),
    30_000, 'launching Chromium');
}

/** A fresh page (own context) with the bundled livekit-client loaded; console errors are kept in page.ospreyLog. */
export async function openPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.ospreyLog = [];
  page.on('console', (message) => page.ospreyLog.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => page.ospreyLog.push(`pageerror: ${error.message}`));
  await withTimeout(page.goto(config.pageUrl), 15_000, 'loading the test page');
  await page.waitForFunction(() => window.ospreyReady === true, null, { timeout: 15_000 });
  return page;
}

/** `room.connect()` in the page; resolves to {ok, state, error: {name, message, reasonName, status} | null}. */
export function connect(page, token, { url = config.wsUrl, roomOptions = {}, connectOptions = {},
  timeoutMs = 30_000 } = {}) {
  return withTimeout(page.evaluate(([u, t, r, c]) => window.osprey.connect(u, t, r, c),
    [url, token, roomOptions, connectOptions]), timeoutMs, 'Room.connect');
}

export function disconnect(page) {
  return withTimeout(page.evaluate(() => window.osprey.disconnect()), 10_000, 'Room.disconnect');
}

/** getStats() of the connected room's publisher and subscriber peer connections. */
export function readStats(page) {
  return withTimeout(page.evaluate(() => window.osprey.stats()), 10_000, 'getStats');
}

/** fetch() from the page origin (CORS applies): {ok, status, body, allowOrigin}. */
export function pageFetch(page, url) {
  return withTimeout(page.evaluate((u) => window.osprey.fetchText(u), url), 10_000, `fetch ${url}`);
}

/** A bare browser WebSocket to `url` that sends ping_req when open: {opened, pongTimestamp, closeCode, error}. */
export function probeWebSocket(page, url, timeoutMs = 5_000) {
  return withTimeout(page.evaluate(([u, ms]) => window.osprey.probeWebSocket(u, ms), [url, timeoutMs]),
    timeoutMs + 5_000, `WebSocket ${url}`);
}

/**
 * The sum of the Prometheus samples named `name` whose labels include `labels` (0 when there are none), read from
 * the server's metrics endpoint: tests use it to see what the server saw, e.g. which routes a client tried.
 */
export async function metricValue(name, labels = {}) {
  const response = await fetch(config.metricsUrl, { signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const sample = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => sample[key] === String(value))) sum += Number(match[3]);
  }
  return sum;
}

/** Polls `probe` until `check(value)` holds and returns that value; fails naming `what` and the last value seen. */
export async function eventually(probe, check, ms, what, intervalMs = 200) {
  const deadline = Date.now() + ms;
  let value;
  while (Date.now() < deadline) {
    value = await probe();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  assert.fail(`${what} within ${ms} ms; last seen ${JSON.stringify(value)}`);
}

/**
 * A JSON call to a Bedrud API (`base` is its origin, `path` below /api) with an optional Bearer token:
 * {status, json (null when the body is not JSON), text}.
 */
export async function bedrudCall(base, method, path, body, accessToken) {
  const headers = { 'Content-Type': 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(`${base}/api${path}`, { method, headers,
    body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* a plain-text error */ }
  return { status: response.status, json, text };
}

