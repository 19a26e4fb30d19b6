// Data channel acceptance (issue: data channels): unmodified livekit-client participants exchange LiveKit data
// packets through Osprey — publishData reliable and lossy, to everyone and to a named destination, text and byte
// streams, RPC — and a participant without canPublishData reaches nobody.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, launchBrowser, metricValue, mintToken, openPage, withTimeout } from '../lib/harness.js';

const ROOM = 'data';
let browser;
const pages = [];
let alice;
let bob;
let carol;

before(async () => {
  browser = await launchBrowser();
  alice = await join('alice');
  bob = await join('bob');
  carol = await join('carol');
});

after(async () => {
  for (const page of pages) await page.evaluate(() => window.osprey.disconnect()).catch(() => {});
  await browser?.close();
});

async function join(identity, grants = {}) {
  const page = await openPage(browser);
  pages.push(page);
  const result = await connect(page, await mintToken({ identity, room: ROOM, grants }));
  assert.ok(result.ok, `${identity} connects: ${JSON.stringify(result.error)}`);
  await page.evaluate(() => window.osprey.listenData());
  return page;
}

function call(page, what, fn, arg, ms = 20_000) {
  return withTimeout(page.evaluate(fn, arg), ms, what);
}

const inbox = (page) => call(page, 'data inbox', () => window.osprey.dataInbox());

/** Polls `page`'s inbox until `check(inbox)` holds; fails with the last inbox after `ms`. */
async function eventually(page, check, ms, what) {
  const deadline = Date.now() + ms;
  let value;
  while (Date.now() < deadline) {
    value = await inbox(page);
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what} within ${ms} ms; inbox ${JSON.stringify(value).slice(0, 2000)}`);
}

const texts = (box) => box.data.map((d) => d.text);

async function publish(page, text, options) {
  const result = await call(page, 'publishData', ([t, o]) => window.osprey.publishData(t, o), [text, options]);
  assert.ok(result.ok, `publishData: ${JSON.stringify(result.error)}`);
}

describe('livekit-client data through Osprey', () => {
  test('publishData reliable reaches everyone else, stamped with the sender, and not the sender', async () => {
    await publish(alice, 'hello reliable', { reliable: true, topic: 'greetings' });
    for (const page of [bob, carol]) {
      const box = await eventually(page, (b) => texts(b).includes('hello reliable'), 15_000, 'reliable message');
      const got = box.data.find((d) => d.text === 'hello reliable');
      assert.deepEqual(got, { from: 'alice', kind: 'RELIABLE', topic: 'greetings', text: 'hello reliable' });
    }
    assert.ok(!texts(await inbox(alice)).includes('hello reliable'), 'the sender does not get its own message');
  });

  test('publishData lossy reaches the others on the lossy channel', async () => {
    // lossy may lose a message on a real network; loopback does not, and a few tries cover a first-packet race
    for (let i = 0; i < 5; i++) await publish(alice, `lossy ${i}`, { reliable: false });
    const box = await eventually(bob, (b) => b.data.some((d) => d.text.startsWith('lossy ')), 15_000,
      'a lossy message');
    assert.ok(box.data.filter((d) => d.text.startsWith('lossy ')).every((d) => d.kind === 'LOSSY' && d.from === 'alice'));
  });

  test('publishData to a named destination reaches only that participant', async () => {
    await publish(alice, 'only for carol', { reliable: true, destinationIdentities: ['carol'] });
    await publish(alice, 'after the private one', { reliable: true });
    await eventually(carol, (b) => texts(b).includes('only for carol'), 15_000, 'carol gets the private message');
    // bob got the later broadcast, so the private one, relayed before it on the same channel, would have arrived too
    const box = await eventually(bob, (b) => texts(b).includes('after the private one'), 15_000, 'bob, broadcast');
    assert.ok(!texts(box).includes('only for carol'), 'bob does not get a message addressed to carol');
  });

  test('sendText delivers short and long texts intact', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `line ${i} — ünïcödé ✓`).join('\n'); // ~80 KB, chunked
    for (const text of ['hi bob', long]) {
      const sent = await call(alice, 'sendText', ([t]) => window.osprey.sendText(t, { destinationIdentities: ['bob'] }),
        [text]);
      assert.ok(sent.ok, `sendText: ${JSON.stringify(sent.error)}`);
    }
    const box = await eventually(bob, (b) => b.texts.length >= 2, 20_000, 'both texts');
    assert.deepEqual(box.texts.map((t) => t.text), ['hi bob', long]);
    assert.ok(box.texts.every((t) => t.from === 'alice'));
    assert.equal((await inbox(carol)).texts.length, 0, 'texts addressed to bob only');
  });

  test('a byte stream of 1 MiB arrives intact', { timeout: 90_000 }, async () => {
    const size = 1024 * 1024;
    const sent = await call(alice, 'streamBytes', ([n]) => window.osprey.streamBytes(n, {
      destinationIdentities: ['bob'] }), [size], 60_000);
    assert.ok(sent.ok, `streamBytes: ${JSON.stringify(sent.error)}`);
    const box = await eventually(bob, (b) => b.bytes.length > 0, 60_000, 'the byte stream');
    assert.deepEqual(box.bytes[0], { from: 'alice', name: 'pattern.bin', size, sha256: sent.sha256 });
  });

  test("performRpc from alice to bob gets bob's response", async () => {
    const result = await call(alice, 'performRpc', ([d, m, p]) => window.osprey.performRpc(d, m, p),
      ['bob', 'greet', 'how are you?']);
    // livekit-client refuses RPC itself (UNSUPPORTED_SERVER, 1403) when JoinResponse.server_info.version < 1.8.0
    assert.ok(result.ok, `performRpc: ${JSON.stringify(result.error)}`);
    assert.equal(result.response, 'hello alice: how are you?');
  });

  test('a participant whose token lacks canPublishData reaches nobody', { timeout: 60_000 }, async () => {
    const dave = await join('dave', { canPublishData: false });
    const refusedBefore = await metricValue('osprey_signaling_data_dropped_total', { reason: 'not_permitted' });
    await publish(dave, 'from dave', { reliable: true });
    await publish(dave, 'from dave, lossy', { reliable: false });
    const sentText = await call(dave, 'sendText', () => window.osprey.sendText('dave text'));
    assert.ok(sentText.ok);
    // the server saw and refused them (the text is a header, a chunk and a trailer)
    const deadline = Date.now() + 10_000;
    while (await metricValue('osprey_signaling_data_dropped_total', { reason: 'not_permitted' }) < refusedBefore + 5
      && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(await metricValue('osprey_signaling_data_dropped_total', { reason: 'not_permitted' })
      >= refusedBefore + 5, 'Osprey refused what dave sent');
    // and a later message from alice overtakes nothing: dave's never arrive
    await publish(alice, 'after dave', { reliable: true });
    for (const page of [bob, carol]) {
      const box = await eventually(page, (b) => texts(b).includes('after dave'), 15_000, 'alice after dave');
      assert.ok(!box.data.some((d) => d.from === 'dave'), 'nothing from dave');
      assert.ok(!box.texts.some((t) => t.from === 'dave'), 'no text from dave');
    }
  });
});
