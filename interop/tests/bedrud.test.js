// Bedrud API in embedded mode (issue: control-api): a user registers, creates a room, joins it through the REST
// API and connects the real livekit-client with the token and livekitHost it got back, directly and through the
// /livekit proxy on the API port; the room admin's kick and mute reach the other participant.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bedrudCall, config, connect, eventually, launchBrowser, openPage, withTimeout } from '../lib/harness.js';

const api = (method, path, body, token) => bedrudCall(config.apiUrl, method, path, body, token);

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function register(name) {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, "-")}-${Date.now()}@example.org`;
  const r = await api('POST', '/auth/register', { email, password: 'correct-horse-battery', name });
  assert.equal(r.status, 200, `register ${name}: ${r.text}`);
  return r.json.tokens.accessToken;
}

describe('Bedrud API with the embedded SFU', () => {
  test('register, create, join, connect; the admin mutes and kicks a participant', { timeout: 90_000 }, async () => {
    const admin = await register('Room Admin');
    const guest = await register('Other User');
    const roomName = `e2e-${Date.now()}`;
    const created = await api('POST', '/room/create', { name: roomName, maxParticipants: 10, isPublic: true,
      settings: { allowChat: true, allowVideo: true, allowAudio: true } }, admin);
    assert.equal(created.status, 200, created.text);

    const adminJoin = await api('POST', '/room/join', { roomName }, admin);
    assert.equal(adminJoin.status, 200, adminJoin.text);
    assert.match(adminJoin.json.livekitHost, /^wss?:\/\//);
    const guestJoin = await api('POST', '/room/join', { roomName }, guest);
    assert.equal(guestJoin.status, 200, guestJoin.text);

    const adminPage = await openPage(browser);
    const guestPage = await openPage(browser);
    const direct = await connect(adminPage, adminJoin.json.token, { url: adminJoin.json.livekitHost });
    assert.ok(direct.ok, `the admin connects to livekitHost: ${JSON.stringify(direct.error)}`);
    const proxied = await connect(guestPage, guestJoin.json.token, { url: `${config.apiUrl.replace(/^http/, 'ws')}/livekit` });
    assert.ok(proxied.ok, `the guest connects through /livekit on the API port: ${JSON.stringify(proxied.error)}`);
    const published = await withTimeout(guestPage.evaluate(() => window.osprey.publish({ camera: false })),
      20_000, 'guest publishes');
    assert.ok(published.ok, JSON.stringify(published.error));
    const guestIdentity = await guestPage.evaluate(() => window.osprey.state().identity);
    await eventually(() => adminPage.evaluate(() => window.osprey.remoteMedia()),
      (m) => m.some((p) => p.identity === guestIdentity && p.tracks.some((t) => t.kind === 'audio' && t.subscribed)),
      15_000, 'the admin receives the guest\'s microphone');

    const roomId = created.json.id;
    const mute = await api('POST', `/room/${roomId}/mute/${encodeURIComponent(guestIdentity)}`, undefined, admin);
    assert.equal(mute.status, 200, mute.text);
    await eventually(() => adminPage.evaluate(() => window.osprey.remoteMedia()),
      (m) => m.find((p) => p.identity === guestIdentity)?.tracks.find((t) => t.kind === 'audio')?.muted === true,
      5_000, 'the admin sees the guest muted');

    const kick = await api('POST', `/room/${roomId}/kick/${encodeURIComponent(guestIdentity)}`, undefined, admin);
    assert.equal(kick.status, 200, kick.text);
    await eventually(() => guestPage.evaluate(() => window.osprey.events.filter((e) => e.name === 'disconnected')),
      (events) => events.length > 0, 5_000, 'the guest is disconnected');
    await eventually(() => adminPage.evaluate(() => window.osprey.state().remotes), (r) => !r.includes(guestIdentity),
      5_000, 'the guest is gone for the admin');
    await adminPage.evaluate(() => window.osprey.disconnect());
  });
});
