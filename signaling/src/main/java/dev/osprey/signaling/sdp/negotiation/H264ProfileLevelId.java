package dev.osprey.signaling.sdp.negotiation;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The H.264 {@code profile-level-id} fmtp parameter (RFC 6184 §8.1): three bytes, {@code profile_idc},
 * {@code profile-iop} (constraint flags) and {@code level_idc}, as six hex digits. Absent means {@code 42000A}
 * (Baseline, level 1.0).
 */
public record H264ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {

    /** The value assumed when the parameter is absent (RFC 6184 §8.1). */
    public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(0x42, 0x00, 0x0A);

    /** Parses six hex digits; empty when the text is not of that form. */
    public static Optional<H264ProfileLevelId> parse(String text) {
        if (text == null || text.length() != 6 || !text.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return Optional.of(new H264ProfileLevelId(HexFormat.fromHexDigits(text, 0, 2),
                HexFormat.fromHexDigits(text, 2, 4), HexFormat.fromHexDigits(text, 4, 6)));
    }

    /** Six lower-case hex digits, as browsers write them. */
    public String format() {
        return String.format("%02x%02x%02x", profileIdc, profileIop, levelIdc);
    }
}
