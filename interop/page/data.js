// Data channel helpers of the test page (issue: data channels): what a participant received through livekit-client's
// data APIs (publishData, text and byte streams, RPC), and calls that send. Installed onto window.osprey by entry.js;
// listen() must run after connect(), on the room it made. Every function returns JSON-serialisable values.

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The deterministic test content of a byte stream: byte i is (31 i + 7) mod 256. */
function pattern(size) {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (31 * i + 7) & 0xff;
  return bytes;
}

function failure(e) {
  return { ok: false, error: { name: e?.name ?? null, message: e?.message ?? String(e), code: e?.code ?? null } };
}

export function dataHelpers(osprey, LivekitClient) {
  const { RoomEvent, DataPacket_Kind } = LivekitClient;
  const inbox = { data: [], texts: [], bytes: [] };

  return {
    /**
     * Starts recording on the connected room: DataReceived (publishData), text streams on topic `chat`, byte
     * streams on topic `files` (length and SHA-256 once complete), and answers RPC method `greet`.
     */
    listenData() {
      const room = osprey.room;
      inbox.data.length = 0;
      inbox.texts.length = 0;
      inbox.bytes.length = 0;
      room.on(RoomEvent.DataReceived, (payload, participant, kind, topic) => {
        inbox.data.push({ from: participant?.identity ?? null, kind: DataPacket_Kind[kind] ?? String(kind),
          topic: topic ?? null, text: new TextDecoder().decode(payload) });
      });
      room.registerTextStreamHandler('chat', async (reader, participantInfo) => {
        const text = await reader.readAll();
        inbox.texts.push({ from: participantInfo.identity, text });
      });
      room.registerByteStreamHandler('files', async (reader, participantInfo) => {
        const chunks = await reader.readAll();
        const size = chunks.reduce((n, c) => n + c.byteLength, 0);
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.byteLength;
        }
        inbox.bytes.push({ from: participantInfo.identity, name: reader.info.name, size,
          sha256: await sha256Hex(all) });
      });
      room.registerRpcMethod('greet', async (data) => `hello ${data.callerIdentity}: ${data.payload}`);
      return true;
    },

    dataInbox() {
      return JSON.parse(JSON.stringify(inbox));
    },

    /** publishData of `text` with options {reliable, destinationIdentities, topic}. */
    async publishData(text, options) {
      try {
        await osprey.room.localParticipant.publishData(new TextEncoder().encode(text), options);
        return { ok: true };
      } catch (e) {
        return failure(e);
      }
    },

    async sendText(text, options) {
      try {
        const info = await osprey.room.localParticipant.sendText(text, { topic: 'chat', ...options });
        return { ok: true, id: info.id };
      } catch (e) {
        return failure(e);
      }
    },

    /** Streams `size` pattern bytes on topic `files` in 64 KiB writes; resolves with their SHA-256. */
    async streamBytes(size, options = {}) {
      try {
        const bytes = pattern(size);
        const writer = await osprey.room.localParticipant.streamBytes({ topic: 'files', name: 'pattern.bin',
          totalSize: size, mimeType: 'application/octet-stream', ...options });
        for (let at = 0; at < size; at += 65536) {
          await writer.write(bytes.subarray(at, Math.min(size, at + 65536)));
        }
        await writer.close();
        return { ok: true, size, sha256: await sha256Hex(bytes) };
      } catch (e) {
        return failure(e);
      }
    },

    async performRpc(destinationIdentity, method, payload) {
      try {
        const response = await osprey.room.localParticipant.performRpc({ destinationIdentity, method, payload,
          responseTimeout: 10000 });
        return { ok: true, response };
      } catch (e) {
        return failure(e);
      }
    },
  };
}
