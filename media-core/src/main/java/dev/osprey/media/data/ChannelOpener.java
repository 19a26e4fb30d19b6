package dev.osprey.media.data;

import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;

import java.util.Optional;

/** Opens a data channel in-band (DCEP, RFC 8832 §6) on one peer connection's SCTP association. */
@FunctionalInterface
public interface ChannelOpener {
    /** Opens nothing: before the transport exists. */
    ChannelOpener NONE = (label, options) -> Optional.empty();

    /** The new channel, or empty when the association is not running. */
    Optional<DataChannel> open(String label, ChannelOptions options);
}
