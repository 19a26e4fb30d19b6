// Server API acceptance (issue: LiveKit server API): a backend drives Osprey's Twirp RoomService with the official
// Node SDK (livekit-server-sdk, JSON) while unmodified livekit-client participants in headless Chromium are in the
// room, and the participants see what the backend did: a remote mute, a removal, a revoked permission, server data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DataPacket_Kind, RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import { config, connect, eventually, launchBrowser, mintToken, openPage, withTimeout } from '../lib/harness.js';

// livekit-client's DisconnectReason numbers (livekit_models.proto)
const PARTICIPANT_REMOVED = 4;
const ROOM_DELETED = 5;

const api = new RoomServiceClient(config.serverUrl, config.apiKey, config.apiSecret);
let browser;
const pages = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  for (const page of pages) await page.evaluate(() => window.osprey.disconnect()).catch(() => {});
  await browser?.close();
});

async function join(room, identity, grants = {}) {
  const page = await openPage(browser);
  pages.push(page);
  const result = await connect(page, await mintToken({ identity, room, grants }));
  assert.ok(result.ok, `${identity} connects: ${JSON.stringify(result.error)}`);
  return page;
}

async function publish(page, options) {
  const result = await withTimeout(page.evaluate((o) => window.osprey.publish(o), options), 20_000, 'publish');
  assert.ok(result.ok, `publish: ${JSON.stringify(result.error)}`);
  return result.tracks;
}

/** The page's own publications: [{sid, source, muted}]. */
function localTracks(page) {
  return page.evaluate(() => [...window.osprey.room.localParticipant.trackPublications.values()]
    .map((p) => ({ sid: p.trackSid, source: p.source, muted: p.isMuted })));
}

/** What the page knows of `identity`: null when it is not in the room, else its publications and metadata. */
function remote(page, identity) {
  return page.evaluate((id) => {
    const p = [...window.osprey.room.remoteParticipants.values()].find((r) => r.identity === id);
    return p ? { metadata: p.metadata ?? '', tracks: [...p.trackPublications.values()]
      .map((t) => ({ sid: t.trackSid, source: t.source, muted: t.isMuted })) } : null;
  }, identity);
}

function events(page, name) {
  return page.evaluate((n) => window.osprey.events.filter((e) => e.name === n), name);
}

/** Starts collecting the page's DataReceived events in window.serverData. */
function collectData(page) {
  return page.evaluate(() => {
    window.serverData = [];
    window.osprey.room.on(window.osprey.LivekitClient.RoomEvent.DataReceived, (payload, participant, kind, topic) =>
      window.serverData.push({ text: new TextDecoder().decode(payload), from: participant?.identity ?? null,
        topic: topic ?? null }));
  });
}

describe('the server API seen by livekit-client participants', () => {
  test('MutePublishedTrack mutes a browser microphone: the publisher and the others see it', { timeout: 60_000 },
    async () => {
      const speaker = await join('api-mute', 'speaker');
      const listener = await join('api-mute', 'listener');
      const [mic] = await publish(speaker, { camera: false, microphone: true });
      await eventually(() => remote(listener, 'speaker'), (r) => r?.tracks.length === 1, 10_000,
        'listener sees the microphone');

      const track = await api.mutePublishedTrack('api-mute', 'speaker', mic.sid, true);
      assert.equal(track.sid, mic.sid);
      assert.equal(track.muted, true);
      await eventually(() => localTracks(speaker), (t) => t[0]?.muted === true, 5_000,
        'the publisher\'s own microphone is muted');
      await eventually(() => remote(listener, 'speaker'), (r) => r?.tracks[0]?.muted === true, 5_000,
        'listener sees it muted');
      assert.ok((await events(listener, 'trackMuted')).some((e) => e.participant === 'speaker'));

      // remote unmute is off by default, as in livekit-server: the backend is refused and nothing changes
      await assert.rejects(api.mutePublishedTrack('api-mute', 'speaker', mic.sid, false), (e) =>
        e instanceof TwirpError && e.status === 412 && e.code === 'failed_precondition');
      assert.equal((await localTracks(speaker))[0].muted, true);
    });

  test('RemoveParticipant disconnects the browser with PARTICIPANT_REMOVED', { timeout: 60_000 }, async () => {
    const stays = await join('api-remove', 'stays');
    const removed = await join('api-remove', 'removed');
    await eventually(() => remote(stays, 'removed'), (r) => r !== null, 10_000, 'stays sees removed');

    await api.removeParticipant('api-remove', 'removed');
    const [disconnected] = await eventually(() => events(removed, 'disconnected'), (e) => e.length > 0, 5_000,
      'removed is disconnected');
    assert.equal(disconnected.detail, PARTICIPANT_REMOVED);
    await eventually(() => remote(stays, 'removed'), (r) => r === null, 5_000, 'stays sees removed leave');
    assert.deepEqual((await api.listParticipants('api-remove')).map((p) => p.identity), ['stays']);
    await assert.rejects(api.getParticipant('api-remove', 'removed'), (e) =>
      e instanceof TwirpError && e.status === 404 && e.message === 'participant does not exist');
  });

  test('UpdateParticipant revoking canPublish unpublishes the tracks and the browser sees its permission',
    { timeout: 60_000 }, async () => {
      const host = await join('api-permission', 'host');
      const demoted = await join('api-permission', 'demoted');
      await publish(demoted, { camera: true, microphone: true, simulcast: false });
      await eventually(() => remote(host, 'demoted'), (r) => r?.tracks.length === 2, 10_000,
        'host sees both tracks');
      assert.equal(await demoted.evaluate(() => window.osprey.state().canPublish), true);

      const info = await api.updateParticipant('api-permission', 'demoted', {
        metadata: '{"role":"viewer"}',
        permission: { canSubscribe: true, canPublish: false, canPublishData: true },
      });
      assert.equal(info.permission.canPublish, false);
      assert.equal(info.tracks.length, 0);
      await eventually(() => demoted.evaluate(() => window.osprey.state().canPublish), (c) => c === false, 5_000,
        'the browser sees canPublish=false');
      assert.ok((await events(demoted, 'participantPermissionsChanged')).length > 0);
      await eventually(() => localTracks(demoted), (t) => t.length === 0, 5_000,
        'the browser unpublished its tracks');
      assert.equal((await events(demoted, 'localTrackUnpublished')).length, 2);
      await eventually(() => remote(host, 'demoted'), (r) => r?.tracks.length === 0, 5_000,
        'host sees the tracks go');
      await eventually(() => remote(host, 'demoted'), (r) => r?.metadata === '{"role":"viewer"}', 5_000,
        'host sees the new metadata');
      const again = await withTimeout(demoted.evaluate(() => window.osprey.publish({ camera: false })), 20_000,
        'publishing again');
      assert.equal(again.ok, false, 'publishing is refused locally now');
    });

  test('SendData reaches the named browsers on topic "system", and everyone without names', { timeout: 60_000 },
    async () => {
      const alice = await join('api-data', 'alice');
      const bob = await join('api-data', 'bob');
      await collectData(alice);
      await collectData(bob);
      const encoder = new TextEncoder();
      await api.sendData('api-data', encoder.encode('to bob'), DataPacket_Kind.RELIABLE,
        { destinationIdentities: ['bob'], topic: 'system' });
      await api.sendData('api-data', encoder.encode('to all'), DataPacket_Kind.RELIABLE, { topic: 'system' });
      const bobs = await eventually(() => bob.evaluate(() => window.serverData), (d) => d.length === 2, 10_000,
        'bob receives both');
      assert.deepEqual(bobs, [{ text: 'to bob', from: null, topic: 'system' },
        { text: 'to all', from: null, topic: 'system' }]);
      const alices = await eventually(() => alice.evaluate(() => window.serverData), (d) => d.length === 1, 10_000,
        'alice receives the broadcast');
      assert.deepEqual(alices, [{ text: 'to all', from: null, topic: 'system' }]);
    });

  test('DeleteRoom disconnects everyone with ROOM_DELETED and the room is gone', { timeout: 60_000 }, async () => {
    const created = await api.createRoom({ name: 'api-delete', emptyTimeout: 60, metadata: 'temporary' });
    assert.ok(created.sid.startsWith('RM_'));
    const one = await join('api-delete', 'one');
    const two = await join('api-delete', 'two');
    const [listed] = await api.listRooms(['api-delete']);
    assert.equal(listed.sid, created.sid);
    assert.equal(listed.numParticipants, 2);
    assert.equal(listed.metadata, 'temporary');

    await api.deleteRoom('api-delete');
    for (const page of [one, two]) {
      const [disconnected] = await eventually(() => events(page, 'disconnected'), (e) => e.length > 0, 5_000,
        'disconnected');
      assert.equal(disconnected.detail, ROOM_DELETED);
    }
    assert.deepEqual(await api.listRooms(['api-delete']), []);
  });
});
