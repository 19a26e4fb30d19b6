package dev.osprey.signaling;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RoomDirectory} that knows exactly the rooms added to it, and says "exists" for nothing else. */
public final class KnownRooms implements RoomDirectory {

    private final Set<String> rooms = ConcurrentHashMap.newKeySet();

    @Override
    public boolean exists(String roomName) {
        return rooms.contains(roomName);
    }

    /** @return whether the room was new */
    public boolean add(String roomName) {
        return rooms.add(roomName);
    }

    /** @return whether the room was known */
    public boolean remove(String roomName) {
        return rooms.remove(roomName);
    }
}
