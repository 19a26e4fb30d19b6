// Bedrud API in external mode (issue: control-api): a second Osprey process runs only as Bedrud's backend with
// livekit.external=true and drives the interop server (the "LiveKit server") over Twirp; that server's signed
// webhooks keep the second process's database current: a participant leaving and the room finishing show up there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bedrudCall, connect, eventually, launchBrowser, openPage, withTimeout } from '../lib/harness.js';

const API = 'http://127.0.0.1:8190';
const api = (method, path, body, token) => bedrudCall(API, method, path, body, token);
const ADMIN = { email: 'external-admin@example.org', password: 'correct-horse-battery' };
let browser;
let backend;
let backendLog = '';

/** The second process: Bedrud API on 8190, its own (unused) media ports moved aside, rooms on the interop server. */
function backendEnv(dataDir) {
  return { ...process.env, OSPREY_DATA_DIR: dataDir, OSPREY_PORT: '7980', OSPREY_RTC__UDP_PORT: '7992',
    OSPREY_RTC__TCP_PORT: '7991', OSPREY_PROMETHEUS_PORT: '0', OSPREY_SERVER__PORT: '8190',
    OSPREY_LIVEKIT__EXTERNAL: 'true', OSPREY_LIVEKIT__INTERNALHOST: 'http://127.0.0.1:7880',
    OSPREY_LIVEKIT__HOST: 'ws://127.0.0.1:7880' };
}

async function waitHealthy(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`${url} not healthy within ${ms} ms; backend log:\n${backendLog.slice(-3000)}`);
}

before(async () => {
  const java = process.env.INTEROP_JAVA ?? 'java';
  const opts = (process.env.INTEROP_JAVA_OPTS ?? '').split(' ').filter(Boolean);
  const jar = process.env.INTEROP_JAR;
  assert.ok(jar, 'run through interop/run.sh, which says where the jar is');
  const env = backendEnv(mkdtempSync(join(tmpdir(), 'osprey-external-')));
  execFileSync(java, [...opts, '-jar', jar, 'user', 'create', '--dev', '--admin', '--email', ADMIN.email,
    '--name', 'External Admin', '--password', ADMIN.password], { env, stdio: 'pipe' });
  backend = spawn(java, [...opts, '-jar', jar, 'run', '--dev'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  backend.stdout.on('data', (d) => { backendLog += d; });
  backend.stderr.on('data', (d) => { backendLog += d; });
  await waitHealthy(`${API}/api/health`, 60_000);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (backend && backend.exitCode === null) {
    const exited = new Promise((resolve) => backend.once('exit', resolve));
    backend.kill('SIGTERM');
    await withTimeout(exited, 20_000, 'the external-mode process stopping');
  }
});

describe('Bedrud API in external mode against a second Osprey process', () => {
  test('joins, a kick over Twirp, and participant_left / room_finished webhooks reach the database',
    { timeout: 110_000 }, async () => {
      const admin = (await api('POST', '/auth/login', ADMIN)).json.tokens.accessToken;
      const users = [];
      for (const name of ['owner', 'visitor']) {
        const r = await api('POST', '/auth/register', { email: `${name}-${Date.now()}@example.org`,
          password: 'correct-horse-battery', name: `External ${name}` });
        assert.equal(r.status, 200, r.text);
        users.push(r.json.tokens.accessToken);
      }
      const roomName = `external-${Date.now()}`;
      const created = await api('POST', '/room/create', { name: roomName, maxParticipants: 10, isPublic: true,
        settings: { allowChat: true, allowVideo: true, allowAudio: true } }, users[0]);
      assert.equal(created.status, 200, created.text);
      const pages = [];
      const identities = [];
      for (const token of users) {
        const joined = await api('POST', '/room/join', { roomName }, token);
        assert.equal(joined.status, 200, joined.text);
        assert.equal(joined.json.livekitHost, 'ws://127.0.0.1:7880', 'the browser goes to the external server');
        const page = await openPage(browser);
        const result = await connect(page, joined.json.token, { url: joined.json.livekitHost });
        assert.ok(result.ok, JSON.stringify(result.error));
        pages.push(page);
        identities.push(await page.evaluate(() => window.osprey.state().identity));
      }
      const room = async () => (await api('GET', `/admin/rooms?q=${roomName}`, undefined, admin)).json.rooms
        .find((r) => r.name === roomName);
      assert.equal((await room()).participantsCount, 2);

      const kick = await api('POST', `/room/${created.json.id}/kick/${encodeURIComponent(identities[1])}`, undefined,
        users[0]);
      assert.equal(kick.status, 200, kick.text);
      await eventually(() => pages[1].evaluate(() => window.osprey.events.some((e) => e.name === 'disconnected')),
        (gone) => gone, 5_000, 'the visitor is removed by RemoveParticipant over Twirp');

      await pages[0].evaluate(() => window.osprey.disconnect());
      await eventually(room, (r) => r?.participantsCount === 0, 10_000,
        'participant_left webhooks mark both participants inactive');
      await eventually(room, (r) => r?.isActive === false, 45_000,
        'room_finished (after the departure timeout) marks the room inactive');
      const again = await api('POST', '/room/join', { roomName }, users[1]);
      assert.equal(again.status, 410, `a finished room cannot be joined: ${again.text}`);
    });
});
