// TURN acceptance (issue: turn): Chromium relays a video call through Osprey's TURN with iceTransportPolicy
// 'relay', over UDP and over TCP to the server, with a static long-term user and with TURN REST credentials.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { config, launchBrowser, openPage, withTimeout } from '../lib/harness.js';

let browser;
let page;

before(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});

after(async () => {
  await browser?.close();
});

/** TURN REST credentials (draft-uberti-behave-turn-rest): "<expiry>:<user>" and base64 HMAC-SHA1 of it. */
function restCredential(user) {
  const username = `${Math.floor(Date.now() / 1000) + 600}:${user}`;
  const credential = createHmac('sha1', config.turnRestSecret).update(username).digest('base64');
  return { username, credential };
}

/** Two peer connections in the page, both forced through the relay; returns what the receiver decoded. */
function relayedCall(iceServer) {
  return withTimeout(page.evaluate(async (server) => {
    const rtcConfig = { iceServers: [server], iceTransportPolicy: 'relay' };
    const sender = new RTCPeerConnection(rtcConfig);
    const receiver = new RTCPeerConnection(rtcConfig);
    sender.onicecandidate = (e) => e.candidate && receiver.addIceCandidate(e.candidate);
    receiver.onicecandidate = (e) => e.candidate && sender.addIceCandidate(e.candidate);
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    stream.getTracks().forEach((track) => sender.addTrack(track, stream));
    await sender.setLocalDescription();
    await receiver.setRemoteDescription(sender.localDescription);
    await receiver.setLocalDescription();
    await sender.setRemoteDescription(receiver.localDescription);
    const result = { framesDecoded: 0, localType: '', relayProtocol: '', remoteType: '' };
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(result.framesDecoded > 10 && result.localType === 'relay')) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const stats = await receiver.getStats();
      let pairId = '';
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') result.framesDecoded = s.framesDecoded ?? 0;
        if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
      });
      const pair = pairId ? stats.get(pairId) : undefined;
      if (pair) {
        result.localType = stats.get(pair.localCandidateId)?.candidateType ?? '';
        result.relayProtocol = stats.get(pair.localCandidateId)?.relayProtocol ?? '';
        result.remoteType = stats.get(pair.remoteCandidateId)?.candidateType ?? '';
      }
    }
    sender.close();
    receiver.close();
    stream.getTracks().forEach((track) => track.stop());
    return result;
  }, iceServer), 30_000, 'a relayed call');
}

describe("Chromium through Osprey's TURN relay", () => {
  for (const transport of ['udp', 'tcp']) {
    test(`decodes video relayed over ${transport} with a static user`, { timeout: 40_000 }, async () => {
      const result = await relayedCall({
        urls: `turn:127.0.0.1:${config.turnUdpPort}?transport=${transport}`,
        username: config.turnUser, credential: config.turnPassword,
      });
      assert.equal(result.localType, 'relay', JSON.stringify(result));
      assert.equal(result.relayProtocol, transport, JSON.stringify(result));
      assert.ok(result.framesDecoded > 10, JSON.stringify(result));
    });
  }

  test('decodes video relayed with TURN REST credentials', { timeout: 40_000 }, async () => {
    const result = await relayedCall({ urls: `turn:127.0.0.1:${config.turnUdpPort}?transport=udp`,
      ...restCredential('interop-rest') });
    assert.equal(result.localType, 'relay', JSON.stringify(result));
    assert.ok(result.framesDecoded > 10, JSON.stringify(result));
  });

  test('a wrong password gets no relay candidate, so nothing connects', { timeout: 40_000 }, async () => {
    const result = await relayedCall({ urls: `turn:127.0.0.1:${config.turnUdpPort}?transport=udp`,
      username: config.turnUser, credential: 'not-the-password' });
    assert.equal(result.framesDecoded, 0, JSON.stringify(result));
    assert.notEqual(result.localType, 'relay', JSON.stringify(result));
  });
});
