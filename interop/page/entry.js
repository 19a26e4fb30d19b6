// The browser side of the interop harness, bundled by esbuild with the real livekit-client. Tests drive it through
// page.evaluate(); everything here returns plain JSON-serialisable values, never throws across evaluate.
import * as LivekitClient from 'livekit-client';
import { SignalRequest, SignalResponse, Ping } from '@livekit/protocol';

// `reason` is what applications test (error.reason === ConnectionErrorReason.NotAllowed); livekit-client copies the
// inner error's reason into its wrapping "could not establish signal connection" error but not its reasonName, so
// the enum name is derived from the number here and the client's own reasonName is kept for diagnostics.
function describeError(e) {
  if (!e) return null;
  return {
    name: e.name ?? null,
    message: e.message ?? String(e),
    reason: e.reason ?? null,
    reasonEnum: typeof e.reason === 'number' ? LivekitClient.ConnectionErrorReason[e.reason] ?? null : null,
    reasonName: e.reasonName ?? null,
    status: e.status ?? null,
  };
}

function statsToJson(report) {
  const out = [];
  report?.forEach((value) => out.push({ ...value }));
  return out;
}

const osprey = {
  LivekitClient,
  room: null,

  /** Connects a new Room; resolves to {ok, state, error}. */
  async connect(url, token, roomOptions = {}, connectOptions = {}) {
    const room = new LivekitClient.Room(roomOptions);
    osprey.room = room;
    try {
      await room.connect(url, token, connectOptions);
      return { ok: true, state: room.state, error: null };
    } catch (e) {
      return { ok: false, state: room.state, error: describeError(e) };
    }
  },

  async disconnect() {
    if (osprey.room) await osprey.room.disconnect();
    osprey.room = null;
  },

  /** getStats() of the room's peer connections, as arrays of plain report objects. */
  async stats() {
    const pcs = osprey.room?.engine?.pcManager;
    return {
      publisher: statsToJson(await pcs?.publisher?.getStats()),
      subscriber: statsToJson(await pcs?.subscriber?.getStats()),
    };
  },

  /** fetch() from the page's origin, so CORS applies as for a real app. */
  async fetchText(url, init = {}) {
    try {
      const response = await fetch(url, init);
      return { ok: true, status: response.status, body: await response.text(),
        allowOrigin: response.headers.get('access-control-allow-origin') };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  },

  /**
   * Opens a bare browser WebSocket; when it opens, sends a protobuf ping_req and waits for the pong_resp.
   * Resolves to {opened, pongTimestamp, closeCode, closeReason, error}.
   */
  probeWebSocket(url, timeoutMs = 5000) {
    return new Promise((resolve) => {
      const result = { opened: false, pongTimestamp: null, closeCode: null, closeReason: null, error: null };
      let ws;
      const finish = () => { clearTimeout(timer); resolve(result); };
      const timer = setTimeout(() => { result.error = 'timeout'; ws?.close(); finish(); }, timeoutMs);
      try {
        ws = new WebSocket(url);
      } catch (e) {
        result.error = describeError(e);
        finish();
        return;
      }
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => {
        result.opened = true;
        const request = new SignalRequest({ message: { case: 'pingReq', value: new Ping({ timestamp: 4242n }) } });
        ws.send(request.toBinary());
      };
      ws.onmessage = (event) => {
        const response = SignalResponse.fromBinary(new Uint8Array(event.data));
        if (response.message.case === 'pongResp') {
          result.pongTimestamp = Number(response.message.value.lastPingTimestamp);
          ws.close(1000, 'probe done');
        }
      };
      ws.onerror = () => { result.error = result.error ?? 'error event'; };
      ws.onclose = (event) => {
        result.closeCode = event.code;
        result.closeReason = event.reason;
        finish();
      };
    });
  },
};

window.osprey = osprey;
window.ospreyReady = true;
