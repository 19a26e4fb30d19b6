// Foundation acceptance: the signaling endpoint as unmodified LiveKit clients meet it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  config, connect, launchBrowser, metricValue, mintToken, openPage, pageFetch, probeWebSocket,
} from '../lib/harness.js';

const rtc401 = () => metricValue('osprey_signaling_validations_total', { route: 'rtc', status: '401' });
const validate401 = () => metricValue('osprey_signaling_validations_total', { route: 'validate', status: '401' });

const ROOM = 'foundation';
let browser;
let page;

before(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});

after(async () => {
  await browser?.close();
});

describe('with a valid token', () => {
  test('GET /rtc/validate answers 200 success, also cross-origin from the page', { timeout: 20_000 }, async () => {
    const token = await mintToken({ identity: 'alice', room: ROOM });
    const direct = await fetch(`${config.serverUrl}/rtc/validate?access_token=${token}&protocol=17&sdk=js`);
    assert.equal(direct.status, 200);
    assert.equal(await direct.text(), 'success');

    const fromPage = await pageFetch(page, `${config.serverUrl}/rtc/validate?access_token=${token}`);
    assert.equal(fromPage.ok, true, JSON.stringify(fromPage));
    assert.equal(fromPage.status, 200);
    assert.equal(fromPage.body, 'success');
    assert.equal(fromPage.allowOrigin, '*');
  });

  test("the browser's WebSocket to /rtc is accepted and answers ping_req", { timeout: 20_000 }, async () => {
    const token = await mintToken({ identity: 'alice-ws', room: ROOM });
    const opened = await metricValue('osprey_signaling_connections_opened_total');
    const probe = await probeWebSocket(page, `${config.wsUrl}/rtc?access_token=${token}&protocol=17&sdk=js`);
    assert.equal(probe.opened, true, JSON.stringify(probe));
    assert.equal(probe.pongTimestamp, 4242, JSON.stringify(probe));
    assert.equal(probe.closeCode, 1000, JSON.stringify(probe));
    assert.equal(await metricValue('osprey_signaling_connections_opened_total'), opened + 1);
  });

  test('the same works under a path prefix, as behind a reverse proxy', { timeout: 20_000 }, async () => {
    const token = await mintToken({ identity: 'alice-prefix', room: ROOM });
    const probe = await probeWebSocket(page, `${config.wsUrl}/livekit/rtc?access_token=${token}`);
    assert.equal(probe.opened, true, JSON.stringify(probe));
    assert.equal(probe.pongTimestamp, 4242);
  });
});

describe('with a bad token', () => {
  test('GET /rtc/validate answers 401 with a plain-text reason', { timeout: 20_000 }, async () => {
    const forged = await mintToken({ identity: 'mallory', room: ROOM, secret: 'not-the-secret' });
    const response = await fetch(`${config.serverUrl}/rtc/validate?access_token=${forged}`);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('content-type'), /^text\/plain/);
    assert.equal(await response.text(), 'invalid authorization token: signature is invalid');

    const expired = await mintToken({ identity: 'late', room: ROOM, ttl: -120 });
    const late = await fetch(`${config.serverUrl}/rtc/validate?access_token=${expired}`);
    assert.equal(late.status, 401);
    assert.equal(await late.text(), 'invalid authorization token: token is expired');
  });

  test("the browser's WebSocket to /rtc is refused", { timeout: 20_000 }, async () => {
    const forged = await mintToken({ identity: 'mallory', room: ROOM, secret: 'not-the-secret' });
    const probe = await probeWebSocket(page, `${config.wsUrl}/rtc?access_token=${forged}`);
    assert.equal(probe.opened, false, JSON.stringify(probe));
    assert.equal(probe.closeCode, 1006, JSON.stringify(probe));
  });

  test('livekit-client Room.connect fails with ConnectionError NotAllowed', { timeout: 40_000 }, async () => {
    // /rtc/v1 fails, /rtc/v1/validate is a plain 404 so the client falls back to /rtc, whose validate says 401
    const forged = await mintToken({ identity: 'mallory', room: ROOM, secret: 'not-the-secret' });
    const [upgradesBefore, validatesBefore] = [await rtc401(), await validate401()];
    const result = await connect(page, forged);
    assert.equal(result.ok, false, JSON.stringify(result));
    assert.equal(result.error.name, 'ConnectionError', JSON.stringify(result));
    assert.equal(result.error.reasonEnum, 'NotAllowed', JSON.stringify(result));
    assert.equal(result.error.status, 401, JSON.stringify(result));
    assert.match(result.error.message, /invalid authorization token/);
    assert.equal(result.state, 'disconnected');
    // the server saw the fallback: one refused /rtc upgrade and one /rtc/validate asked for the reason
    assert.equal(await rtc401(), upgradesBefore + 1);
    assert.equal(await validate401(), validatesBefore + 1);
  });
});
