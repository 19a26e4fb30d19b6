package dev.osprey.media.api;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The format-specific parameters of a payload type (RFC 8866 §6.15 {@code a=fmtp}) as a typed map: names compare
 * case-insensitively (they are case-insensitive in every payload format Osprey handles), values are kept verbatim and
 * read through typed accessors. Signaling turns the SDP text into this map; media-core never parses SDP.
 */
public final class FmtpParameters {
    public static final FmtpParameters NONE = new FmtpParameters(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    /** RFC 4588 §8.6: the payload type an RTX format repairs. */
    public static final String APT = "apt";
    /** RFC 6184 §8.1: H.264 profile and level. */
    public static final String PROFILE_LEVEL_ID = "profile-level-id";
    /** RFC 6184 §8.1: H.264 packetization mode. */
    public static final String PACKETIZATION_MODE = "packetization-mode";
    /** VP9 RTP payload format §6: the VP9 profile. */
    public static final String PROFILE_ID = "profile-id";
    /** RFC 7587 §6.1: Opus in-band FEC. */
    public static final String USE_INBAND_FEC = "useinbandfec";
    /** RFC 7587 §6.1: Opus discontinuous transmission. */
    public static final String USE_DTX = "usedtx";
    /** RFC 7587 §6.1: Opus stereo reception. */
    public static final String STEREO = "stereo";

    private final Map<String, String> values;

    private FmtpParameters(TreeMap<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The parameters in {@code values}; names must be non-empty tokens without {@code =} or {@code ;}. */
    public static FmtpParameters of(Map<String, String> values) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((name, value) -> {
            if (name == null || name.isBlank() || name.indexOf('=') >= 0 || name.indexOf(';') >= 0) {
                throw new IllegalArgumentException("bad fmtp parameter name: " + name);
            }
            if (value == null || value.indexOf(';') >= 0) {
                throw new IllegalArgumentException("bad value for fmtp parameter " + name + ": " + value);
            }
            copy.put(name.trim(), value.trim());
        });
        return copy.isEmpty() ? NONE : new FmtpParameters(copy);
    }

    /** The parameter {@code name}, or {@code null}. */
    public String get(String name) {
        return values.get(name);
    }

    /** The parameter as a non-negative decimal integer, empty when absent or not such an integer. */
    public OptionalInt intValue(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty() || v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    /** The RFC 4588 associated payload type, empty when absent or out of the 0..127 range. */
    public OptionalInt associatedPayloadType() {
        OptionalInt apt = intValue(APT);
        return apt.isPresent() && apt.getAsInt() <= 127 ? apt : OptionalInt.empty();
    }

    /** A boolean flag such as {@code useinbandfec=1}. */
    public boolean flag(String name) {
        return "1".equals(values.get(name));
    }

    /** Every parameter, names in case-insensitive order. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FmtpParameters f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }
}
