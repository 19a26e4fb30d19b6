package dev.osprey.control.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What kind of image an upload is and how large, from its first bytes — the four types Bedrud accepts for avatars
 * and chat images: PNG (signature and IHDR, RFC 2083 sections 3.1 and 4.1.1), GIF (header and logical screen
 * descriptor, GIF89a sections 17–18), JPEG (the first start-of-frame marker, ITU T.81 annex B) and WebP (RIFF with a
 * {@code VP8 }, {@code VP8L} or {@code VP8X} chunk, RFC 9649 section 2). Anything else is {@link Unsupported}. A
 * recognised image whose size cannot be read (a truncated header, a JPEG without a frame header) reports 0×0, as
 * Bedrud does when its decoder cannot tell; nothing but {@link Unsupported} is ever thrown.
 */
public final class ImageProbe {

    /** The media type, its file extension, and the pixel size (0×0 when unknown). */
    public record Image(String mime, String extension, int width, int height) {
    }

    /** Not one of the accepted image types. */
    public static final class Unsupported extends Exception {
        public Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageProbe() {
    }

    public static Image probe(byte[] data) throws Unsupported {
        if (startsWith(data, PNG)) {
            boolean ihdr = data.length >= 24 && ascii(data, 12, 4).equals("IHDR");
            return new Image("image/png", ".png", ihdr ? positive(u32be(data, 16)) : 0,
                    ihdr ? positive(u32be(data, 20)) : 0);
        }
        if (startsWith(data, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(data, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            boolean screen = data.length >= 10;
            return new Image("image/gif", ".gif", screen ? u16le(data, 6) : 0, screen ? u16le(data, 8) : 0);
        }
        if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            int[] size = jpegSize(data);
            return new Image("image/jpeg", ".jpg", size[0], size[1]);
        }
        if (data.length >= 12 && ascii(data, 0, 4).equals("RIFF") && ascii(data, 8, 4).equals("WEBP")) {
            int[] size = webpSize(data);
            return new Image("image/webp", ".webp", size[0], size[1]);
        }
        throw new Unsupported("unsupported image type");
    }

    /** Walks the marker segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
    private static int[] jpegSize(byte[] d) {
        int i = 2;
        while (i + 3 < d.length) {
            if ((d[i] & 0xff) != 0xff) {
                return new int[2];
            }
            int marker = d[i + 1] & 0xff;
            if (marker == 0xff) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || marker >= 0xd0 && marker <= 0xd7) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                return new int[2]; // end of image, or scan data before any frame header
            }
            int length = u16be(d, i + 2);
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame && length >= 7 && i + 9 <= d.length) {
                return new int[] {u16be(d, i + 7), u16be(d, i + 5)};
            }
            if (length < 2) {
                return new int[2];
            }
            i += 2 + length;
        }
        return new int[2];
    }

    private static int[] webpSize(byte[] d) {
        if (d.length < 16) {
            return new int[2];
        }
        switch (ascii(d, 12, 4)) {
            case "VP8 " -> {
                // frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (RFC 6386 section 9.1)
                if (d.length >= 30) {
                    return new int[] {u16le(d, 26) & 0x3fff, u16le(d, 28) & 0x3fff};
                }
            }
            case "VP8L" -> {
                // signature 0x2f, then 14-bit width-1 and height-1, little-endian bit packed
                if (d.length >= 25 && (d[20] & 0xff) == 0x2f) {
                    long bits = (d[21] & 0xffL) | (d[22] & 0xffL) << 8 | (d[23] & 0xffL) << 16 | (d[24] & 0xffL) << 24;
                    return new int[] {(int) (bits & 0x3fff) + 1, (int) (bits >> 14 & 0x3fff) + 1};
                }
            }
            case "VP8X" -> {
                // canvas width-1 and height-1 as 24-bit little-endian at offsets 24 and 27
                if (d.length >= 30) {
                    return new int[] {u24le(d, 24) + 1, u24le(d, 27) + 1};
                }
            }
            default -> {
                return new int[2];
            }
        }
        return new int[2];
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] d, int from, int length) {
        return new String(d, from, length, StandardCharsets.ISO_8859_1);
    }

    private static int u16be(byte[] d, int i) {
        return (d[i] & 0xff) << 8 | d[i + 1] & 0xff;
    }

    private static int u16le(byte[] d, int i) {
        return d[i] & 0xff | (d[i + 1] & 0xff) << 8;
    }

    private static int u24le(byte[] d, int i) {
        return d[i] & 0xff | (d[i + 1] & 0xff) << 8 | (d[i + 2] & 0xff) << 16;
    }

    private static long u32be(byte[] d, int i) {
        return (d[i] & 0xffL) << 24 | (d[i + 1] & 0xffL) << 16 | (d[i + 2] & 0xffL) << 8 | d[i + 3] & 0xffL;
    }

    /** PNG sizes are 31-bit; a larger value is malformed and reported as unknown. */
    private static int positive(long v) {
        return v > Integer.MAX_VALUE ? 0 : (int) v;
    }
}
