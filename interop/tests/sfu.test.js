// SFU + signaling acceptance (issue: SFU + LiveKit signaling): unmodified livekit-client participants in headless
// Chromium join rooms on Osprey, publish the fake camera and microphone, and decode each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { connect, eventually, launchBrowser, metricValue, mintToken, openPage, withTimeout } from '../lib/harness.js';

let browser;
const pages = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  for (const page of pages) await page.evaluate(() => window.osprey.disconnect()).catch(() => {});
  await browser?.close();
});

async function join(room, identity, grants = {}, roomOptions = {}) {
  const page = await openPage(browser);
  pages.push(page);
  const result = await connect(page, await mintToken({ identity, room, grants }), { roomOptions });
  assert.ok(result.ok, `${identity} connects: ${JSON.stringify(result.error)}`);
  return page;
}

async function publish(page, options = {}) {
  const result = await withTimeout(page.evaluate((o) => window.osprey.publish(o), options), 20_000, 'publish');
  assert.ok(result.ok, `publish: ${JSON.stringify(result.error)}`);
  return result.tracks;
}

function remoteMedia(page) {
  return withTimeout(page.evaluate(() => window.osprey.remoteMedia()), 10_000, 'remote media stats');
}

function track(media, identity, kind) {
  return media.find((p) => p.identity === identity)?.tracks.find((t) => t.kind === kind);
}

/** Each page decodes every other's video (frames keep increasing over `holdMs`) and receives its audio. */
async function assertMediaFlows(entries, holdMs) {
  const first = [];
  for (const { page, identity } of entries) {
    const others = entries.filter((e) => e.identity !== identity).map((e) => e.identity);
    first.push(await eventually(() => remoteMedia(page), (media) => others.every((o) =>
      track(media, o, 'video')?.framesDecoded > 5 && track(media, o, 'audio')?.bytesReceived > 1000), 20_000,
    `${identity} decodes ${others.join(', ')}`));
  }
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  for (let i = 0; i < entries.length; i++) {
    const { page, identity } = entries[i];
    const later = await remoteMedia(page);
    for (const other of entries.filter((e) => e.identity !== identity)) {
      const before = first[i];
      assert.ok(track(later, other.identity, 'video').framesDecoded > track(before, other.identity, 'video')
        .framesDecoded + holdMs / 1000 * 5, `${identity}'s frames of ${other.identity} keep increasing`);
      assert.ok(track(later, other.identity, 'audio').bytesReceived > track(before, other.identity, 'audio')
        .bytesReceived, `${identity} keeps receiving ${other.identity}'s audio`);
    }
  }
}

describe('livekit-client participants through Osprey', () => {
  test('two participants publish camera and microphone and decode each other for 10 s', { timeout: 90_000 },
    async () => {
      const a = await join('sfu-two', 'alice');
      const b = await join('sfu-two', 'bob');
      await publish(a);
      await publish(b);
      await assertMediaFlows([{ page: a, identity: 'alice' }, { page: b, identity: 'bob' }], 10_000);
      // the fake microphone beeps: Osprey's speaker detection (audio-level extension) reports each to the other
      await eventually(() => b.evaluate(() => window.osprey.events.filter((e) => e.name === 'activeSpeakersChanged')),
        (events) => events.some((e) => e.speakers.includes('alice')), 5_000, 'bob hears alice as an active speaker');
    });

  test('four participants each see the three others with video and audio flowing', { timeout: 120_000 },
    async () => {
      const entries = [];
      for (const identity of ['p1', 'p2', 'p3', 'p4']) {
        const page = await join('sfu-four', identity);
        await publish(page, { simulcast: false });
        entries.push({ page, identity });
      }
      await assertMediaFlows(entries, 5_000);
      for (const { page } of entries) await page.evaluate(() => window.osprey.disconnect());
    });

  test('mute, unmute and disconnect are seen by the others within 2 s', { timeout: 60_000 }, async () => {
    const a = await join('sfu-mute', 'muter');
    const b = await join('sfu-mute', 'watcher');
    await publish(a, { camera: false });
    await eventually(() => remoteMedia(b), (m) => track(m, 'muter', 'audio')?.subscribed, 10_000, 'audio subscribed');
    for (const muted of [true, false]) {
      const started = Date.now();
      await a.evaluate((m) => window.osprey.setMicrophoneMuted(m), muted);
      await eventually(() => remoteMedia(b), (m) => track(m, 'muter', 'audio')?.muted === muted, 2_000,
        `watcher sees muted=${muted}`);
      assert.ok(Date.now() - started <= 2_000);
    }
    const started = Date.now();
    await a.evaluate(() => window.osprey.disconnect());
    await eventually(() => b.evaluate(() => window.osprey.state().remotes), (r) => !r.includes('muter'), 2_000,
      'watcher sees the disconnect');
    assert.ok(Date.now() - started <= 2_000);
  });

  test('a dropped signal connection is survived and media flows again', { timeout: 90_000 }, async () => {
    const a = await join('sfu-drop', 'dropper');
    const b = await join('sfu-drop', 'stayer');
    await publish(a);
    await publish(b);
    await assertMediaFlows([{ page: a, identity: 'dropper' }, { page: b, identity: 'stayer' }], 1_000);
    assert.ok(await a.evaluate(() => window.osprey.dropSignal()), 'the page had a signal WebSocket to drop');
    await eventually(() => a.evaluate(() => window.osprey.events.map((e) => e.name)),
      (names) => names.includes('signalReconnecting') || names.includes('reconnecting'), 10_000, 'reconnect starts');
    await eventually(() => a.evaluate(() => window.osprey.state().state), (state) => state === 'connected', 20_000,
      'dropper is connected again');
    await assertMediaFlows([{ page: a, identity: 'dropper' }, { page: b, identity: 'stayer' }], 3_000);
  });

  test('a token without canPublish subscribes but cannot publish', { timeout: 60_000 }, async () => {
    const publisher = await join('sfu-perm', 'speaker');
    const viewer = await join('sfu-perm', 'viewer', { canPublish: false });
    await publish(publisher);
    await eventually(() => remoteMedia(viewer), (m) => track(m, 'speaker', 'video')?.framesDecoded > 5, 20_000,
      'viewer decodes the speaker');
    const attempt = await withTimeout(viewer.evaluate(() => window.osprey.publish({ camera: true, microphone: false })),
      20_000, 'publish without permission');
    assert.equal(attempt.ok, false, 'publishing fails locally');
    const seen = await remoteMedia(publisher);
    assert.deepEqual(seen.find((p) => p.identity === 'viewer')?.tracks ?? [], [], 'nobody sees a track of viewer');
  });

  test('a subscriber that shrinks its video gets a lower simulcast layer and grows back', { timeout: 90_000 },
    async () => {
      const a = await join('sfu-simulcast', 'sender');
      const b = await join('sfu-simulcast', 'adaptive', {}, { adaptiveStream: true });
      await publish(a, { microphone: false, simulcast: true });
      const width = async () => track(await remoteMedia(b), 'sender', 'video');
      await b.evaluate(() => window.osprey.sizeRemoteVideo(1280, 720));
      // Chromium may hold its top layer below 1280 wide while the machine is busy (qualityLimitationReason cpu):
      // the subscriber is expected to get the largest layer the publisher actually sends
      const layers = await eventually(() => a.evaluate(() => window.osprey.publishedLayers()),
        (l) => l.length === 3 && l.every((x) => x.framesEncoded > 10), 20_000, 'three simulcast layers sent');
      const top = Math.max(...layers.map((l) => l.frameWidth));
      const high = await eventually(width, (t) => t?.frameWidth >= top, 30_000,
        `the top layer (${top} wide; publisher sends ${JSON.stringify(layers)})`);
      await b.evaluate(() => window.osprey.sizeRemoteVideo(160, 90));
      const low = await eventually(width, (t) => t?.frameWidth > 0 && t.frameWidth < top, 20_000,
        'a lower layer at 160x90');
      assert.ok(low.framesDecoded > high.framesDecoded);
      await b.evaluate(() => window.osprey.sizeRemoteVideo(1280, 720));
      let last = await width();
      let lastChange = Date.now();
      let longestFreeze = 0;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && last.frameWidth < top) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await width();
        if (now.framesDecoded > last.framesDecoded) lastChange = Date.now();
        longestFreeze = Math.max(longestFreeze, Date.now() - lastChange);
        last = now;
      }
      assert.ok(last.frameWidth >= top, `back on the top layer: ${JSON.stringify(last)}`);
      assert.ok(longestFreeze <= 1_000, `no freeze longer than a second while switching up (${longestFreeze} ms)`);
    });

  test('video keeps decoding with 5 % packet loss on the media port, NACKs answered', { timeout: 90_000 },
    async () => {
      const a = await join('sfu-loss', 'lossy-sender');
      const b = await join('sfu-loss', 'lossy-receiver');
      await publish(a, { microphone: false, simulcast: false });
      await eventually(() => remoteMedia(b), (m) => track(m, 'lossy-sender', 'video')?.framesDecoded > 5, 20_000,
        'video before loss');
      const retransmittedBefore = await metricValue('osprey_media_subscription_retransmissions_total');
      // nftables in the test's own network namespace: 5 % of the UDP media in each direction never arrives
      execFileSync('nft', ['-f', '-'], { input: [
        'table inet osprey_loss {',
        '  chain input {',
        '    type filter hook input priority 0; policy accept;',
        '    udp dport 7882 numgen random mod 100 < 5 drop',
        '    udp sport 7882 numgen random mod 100 < 5 drop',
        '  }',
        '}', ''].join('\n') });
      try {
        const before = track(await remoteMedia(b), 'lossy-sender', 'video');
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        const after = track(await remoteMedia(b), 'lossy-sender', 'video');
        assert.ok(after.framesDecoded - before.framesDecoded > 100, `frames keep decoding: ${JSON.stringify(after)}`);
        assert.ok(after.nackCount > before.nackCount, 'the receiver asked for retransmissions');
        assert.ok(await metricValue('osprey_media_subscription_retransmissions_total') > retransmittedBefore,
          'Osprey answered NACKs from its retransmission cache');
      } finally {
        execFileSync('nft', ['delete', 'table', 'inet', 'osprey_loss']);
      }
    });
});

