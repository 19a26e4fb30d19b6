package dev.osprey.signaling.rooms;

import dev.osprey.media.api.RoomName;
import livekit.LivekitModels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ServerDataSender} that keeps what it was given. */
final class RecordingDataSender implements ServerDataSender {

    record Sent(RoomName room, LivekitModels.DataPacket packet, List<String> destinationIdentities, boolean reliable) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(RoomName room, LivekitModels.DataPacket packet, List<String> destinationIdentities,
                     boolean reliable) {
        sent.add(new Sent(room, packet, List.copyOf(destinationIdentities), reliable));
    }
}
