package dev.osprey.signaling.rooms;

import dev.osprey.media.api.RoomName;
import livekit.LivekitModels;

import java.util.List;

/**
 * Where the server API's {@code SendData} hands its packet: the data path, which delivers a packet from the server
 * (no sending participant) over each recipient's data channel. The composition root fills it with the data router's
 * server entry point; it must not block, since it is called with the API call's thread.
 */
@FunctionalInterface
public interface ServerDataSender {

    /**
     * Delivers {@code packet} to the participants of {@code room} named in {@code destinationIdentities}, or to all
     * of them when the list is empty.
     *
     * @param reliable on the ordered, retransmitted {@code _reliable} channel; otherwise on {@code _lossy}
     */
    void send(RoomName room, LivekitModels.DataPacket packet, List<String> destinationIdentities, boolean reliable);
}
