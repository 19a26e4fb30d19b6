package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.SendOptions;

/**
 * How a data channel delivers (RFC 8831 §6.4, RFC 8832 §5.1): ordered or not, and at most one partial-reliability
 * limit. LiveKit's {@code _reliable} is {@link #RELIABLE}, its {@code _lossy} is {@link #LOSSY}.
 *
 * @param maxRetransmits        -1 for none
 * @param maxPacketLifeTimeMillis -1 for none
 * @param priority              DCEP priority (RFC 8832 §5.1; 256 is "normal")
 */
public record ChannelOptions(boolean ordered, int maxRetransmits, long maxPacketLifeTimeMillis, String protocol,
                             int priority) {
    public static final ChannelOptions RELIABLE = new ChannelOptions(true, -1, -1, "", 256);
    /** Unordered, sent once: a lost message is skipped, never waited for. */
    public static final ChannelOptions LOSSY = new ChannelOptions(false, 0, -1, "", 256);

    public ChannelOptions {
        if (maxRetransmits < -1 || maxPacketLifeTimeMillis < -1 || (maxRetransmits >= 0
                && maxPacketLifeTimeMillis >= 0) || priority < 0 || priority > 0xFFFF) {
            throw new IllegalArgumentException("invalid channel options");
        }
        protocol = protocol == null ? "" : protocol;
    }

    public SendOptions sendOptions() {
        return new SendOptions(!ordered, maxRetransmits, maxPacketLifeTimeMillis);
    }

    /** RFC 8832 §5.1 Channel Type. */
    int channelType() {
        int base = maxRetransmits >= 0 ? 0x01 : maxPacketLifeTimeMillis >= 0 ? 0x02 : 0x00;
        return ordered ? base : base | 0x80;
    }

    long reliabilityParameter() {
        return maxRetransmits >= 0 ? maxRetransmits : Math.max(0, maxPacketLifeTimeMillis);
    }

    /** Options from a received DATA_CHANNEL_OPEN. */
    static ChannelOptions of(int channelType, long reliability, String protocol, int priority) {
        boolean ordered = (channelType & 0x80) == 0;
        int clamped = (int) Math.min(Integer.MAX_VALUE, reliability);
        return switch (channelType & 0x7F) {
            case 0x01 -> new ChannelOptions(ordered, clamped, -1, protocol, priority);
            case 0x02 -> new ChannelOptions(ordered, -1, reliability, protocol, priority);
            default -> new ChannelOptions(ordered, -1, -1, protocol, priority);
        };
    }
}
