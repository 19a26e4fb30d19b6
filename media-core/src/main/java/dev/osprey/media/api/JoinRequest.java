package dev.osprey.media.api;

import java.util.Map;
import java.util.Objects;

/**
 * What signaling knows about a participant when it joins, from its validated access token and join parameters.
 *
 * @param identity      unique within the room; a second join with it replaces the first
 * @param name          display name, empty when none
 * @param metadata      application metadata, empty when none
 * @param attributes    application attributes
 * @param permission    the token's grants
 * @param autoSubscribe subscribe to every track of the room automatically (LiveKit {@code auto_subscribe})
 */
public record JoinRequest(ParticipantIdentity identity, String name, String metadata, Map<String, String> attributes,
                          ParticipantPermission permission, boolean autoSubscribe) {
    public JoinRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(permission, "permission");
        attributes = Map.copyOf(attributes);
    }

    /** A join with default permissions and auto-subscribe. */
    public static JoinRequest of(String identity) {
        return new JoinRequest(new ParticipantIdentity(identity), "", "", Map.of(), ParticipantPermission.DEFAULT, true);
    }
}
