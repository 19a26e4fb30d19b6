// The browser side of the interop harness, bundled by esbuild with the real livekit-client. Tests drive it through
// page.evaluate(); everything here returns plain JSON-serialisable values, never throws across evaluate.
import * as LivekitClient from 'livekit-client';
import { SignalRequest, SignalResponse, Ping } from '@livekit/protocol';
import { dataHelpers } from './data.js';

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

const { RoomEvent, Track } = LivekitClient;
const WATCHED_EVENTS = [RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed, RoomEvent.TrackMuted, RoomEvent.TrackUnmuted, RoomEvent.Reconnecting,
  RoomEvent.Reconnected, RoomEvent.SignalReconnecting, RoomEvent.Disconnected, RoomEvent.LocalTrackUnpublished,
  RoomEvent.ParticipantPermissionsChanged, RoomEvent.ActiveSpeakersChanged];

/** The participant an event is about, when it names one (livekit-client passes it last or first). */
function participantOf(args) {
  for (const a of args) {
    if (a && typeof a === 'object' && 'identity' in a) return a.identity;
  }
  return null;
}

const osprey = {
  LivekitClient,
  room: null,
  events: [],

  /** Connects a new Room; resolves to {ok, state, error}. */
  async connect(url, token, roomOptions = {}, connectOptions = {}) {
    const room = new LivekitClient.Room(roomOptions);
    osprey.room = room;
    osprey.events = [];
    for (const name of WATCHED_EVENTS) {
      room.on(name, (...args) => osprey.events.push({ name, at: Date.now(), participant: participantOf(args),
        detail: typeof args[0] === 'number' ? args[0] : null,
        speakers: Array.isArray(args[0]) ? args[0].map((p) => p.identity) : null }));
    }
    try {
      await room.connect(url, token, connectOptions);
      return { ok: true, state: room.state, error: null };
    } catch (e) {
      return { ok: false, state: room.state, error: describeError(e) };
    }
  },

  /** Publishes the fake camera and/or microphone; resolves to {ok, tracks:[{sid, kind, source}], error}. */
  async publish({ camera = true, microphone = true, simulcast = true } = {}) {
    const p = osprey.room.localParticipant;
    try {
      if (camera) await p.setCameraEnabled(true, { resolution: LivekitClient.VideoPresets.h720.resolution },
        { simulcast });
      if (microphone) await p.setMicrophoneEnabled(true);
      return { ok: true, tracks: [...p.trackPublications.values()].map((t) => ({ sid: t.trackSid, kind: t.kind,
        source: t.source })), error: null };
    } catch (e) {
      return { ok: false, tracks: [], error: describeError(e) };
    }
  },

  async setMicrophoneMuted(muted) {
    const pub = osprey.room.localParticipant.getTrackPublication(Track.Source.Microphone);
    if (muted) await pub.mute(); else await pub.unmute();
    return pub.isMuted;
  },

  /** What this page receives from each remote participant, from the receivers' own getStats(). */
  async remoteMedia() {
    const out = [];
    for (const participant of osprey.room.remoteParticipants.values()) {
      const tracks = [];
      for (const pub of participant.trackPublications.values()) {
        const entry = { sid: pub.trackSid, kind: pub.kind, subscribed: pub.isSubscribed, muted: pub.isMuted,
          framesDecoded: 0, bytesReceived: 0, frameWidth: 0, frameHeight: 0, nackCount: 0, packetsLost: 0 };
        const receiver = pub.track?.receiver;
        if (receiver) {
          (await receiver.getStats()).forEach((s) => {
            if (s.type === 'inbound-rtp') {
              entry.framesDecoded = s.framesDecoded ?? 0;
              entry.bytesReceived = s.bytesReceived ?? 0;
              entry.frameWidth = s.frameWidth ?? 0;
              entry.frameHeight = s.frameHeight ?? 0;
              entry.nackCount = s.nackCount ?? 0;
              entry.packetsLost = s.packetsLost ?? 0;
            }
          });
        }
        tracks.push(entry);
      }
      out.push({ identity: participant.identity, sid: participant.sid, tracks });
    }
    return out;
  },

  /** The simulcast layers this page's camera sends, from its sender's getStats(): rid, size, frames encoded. */
  async publishedLayers() {
    const pub = osprey.room.localParticipant.getTrackPublication(Track.Source.Camera);
    const layers = [];
    (await pub?.track?.sender?.getStats())?.forEach((s) => {
      if (s.type === 'outbound-rtp') {
        layers.push({ rid: s.rid ?? '', frameWidth: s.frameWidth ?? 0, framesEncoded: s.framesEncoded ?? 0,
          limitation: s.qualityLimitationReason ?? '' });
      }
    });
    return layers;
  },

  /** Attaches every subscribed remote video to an element of the given size (adaptive stream watches it). */
  sizeRemoteVideo(width, height) {
    for (const participant of osprey.room.remoteParticipants.values()) {
      for (const pub of participant.videoTrackPublications.values()) {
        if (!pub.track) continue;
        let el = document.getElementById(`v-${pub.trackSid}`);
        if (!el) {
          el = pub.track.attach();
          el.id = `v-${pub.trackSid}`;
          el.muted = true;
          document.body.appendChild(el);
        }
        el.style.width = `${width}px`;
        el.style.height = `${height}px`;
      }
    }
    return true;
  },

  /** Drops the signal WebSocket without a leave, as a network failure would. */
  dropSignal() {
    const ws = osprey.room?.engine?.client?.ws;
    if (!ws) return false;
    ws.close();
    return true;
  },

  state() {
    const room = osprey.room;
    return room ? { state: room.state, identity: room.localParticipant.identity,
      canPublish: room.localParticipant.permissions?.canPublish ?? null,
      remotes: [...room.remoteParticipants.values()].map((p) => p.identity) } : null;
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

Object.assign(osprey, dataHelpers(osprey, LivekitClient));
window.osprey = osprey;
window.ospreyReady = true;
