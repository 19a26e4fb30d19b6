package dev.osprey.signaling.sdp;

/**
 * Size limits the parser enforces before it builds anything, so a hostile client cannot make the server allocate
 * without bound. The defaults fit a LiveKit single-PC offer with dozens of m-sections and every candidate: a
 * Chromium publisher offer with five m-sections is about 10 KB and 300 lines.
 *
 * @param maxTotalChars  longest description accepted, in chars
 * @param maxLines       most lines accepted
 * @param maxLineChars   longest single line accepted, in chars, without its line ending
 */
public record SdpLimits(int maxTotalChars, int maxLines, int maxLineChars) {

    /** 256 Ki chars, 8192 lines, 4096 chars per line. */
    public static final SdpLimits DEFAULT = new SdpLimits(256 * 1024, 8192, 4096);

    public SdpLimits {
        if (maxTotalChars < 1 || maxLines < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("SDP limits must be positive: " + maxTotalChars + ", " + maxLines
                    + ", " + maxLineChars);
        }
    }
}
