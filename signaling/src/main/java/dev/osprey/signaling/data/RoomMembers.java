package dev.osprey.signaling.data;

import java.util.Arrays;

/**
 * The attached participants of one room, as an immutable array swapped on every change: relaying reads it without a
 * lock. Changed only inside the router's map operation for its room, which serialises writers.
 */
final class RoomMembers {
    private static final DataMember[] NONE = new DataMember[0];

    private volatile DataMember[] members = NONE;

    DataMember[] snapshot() {
        return members;
    }

    void add(DataMember member) {
        DataMember[] current = members;
        DataMember[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = member;
        members = next;
    }

    void remove(DataMember member) {
        DataMember[] current = members;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == member) {
                DataMember[] next = new DataMember[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                members = next;
                return;
            }
        }
    }

    boolean isEmpty() {
        return members.length == 0;
    }
}
