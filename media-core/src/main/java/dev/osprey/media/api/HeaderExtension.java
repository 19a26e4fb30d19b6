package dev.osprey.media.api;

import java.util.Objects;

/**
 * A negotiated RTP header extension: the URI and the local identifier both peers agreed on for this media section
 * (RFC 8285 §5). IDs 1..14 fit the one-byte form, 15..255 need the two-byte form (§4.2, §4.3).
 *
 * @param uri what the extension is
 * @param id  the negotiated identifier, 1..255 (15 is reserved in the one-byte form and not negotiable)
 */
public record HeaderExtension(HeaderExtensionUri uri, int id) {
    public HeaderExtension {
        Objects.requireNonNull(uri, "uri");
        if (id < 1 || id > 255 || id == 15) {
            throw new IllegalArgumentException("header extension id must be 1..14 or 16..255, was " + id);
        }
    }
}
