package dev.osprey.control.uploads;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Real images written by the JDK, and WebP headers built by hand (the JDK writes no WebP). */
public final class TestImages {

    private TestImages() {
    }

    /** A {@code format} (png, gif, jpg) image of the given size filled with seeded noise (so it does not compress). */
    public static byte[] encode(String format, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A WebP file's first 30 bytes with a {@code VP8 }, {@code VP8L} or {@code VP8X} chunk for the given size. */
    public static byte[] webp(String chunk, int width, int height) {
        byte[] d = new byte[30];
        put(d, 0, "RIFF");
        put(d, 8, "WEBP");
        put(d, 12, chunk);
        switch (chunk) {
            case "VP8 " -> {
                d[23] = (byte) 0x9d;
                d[24] = 0x01;
                d[25] = 0x2a;
                d[26] = (byte) width;
                d[27] = (byte) (width >> 8);
                d[28] = (byte) height;
                d[29] = (byte) (height >> 8);
            }
            case "VP8L" -> {
                d[20] = 0x2f;
                long bits = (width - 1L) | (height - 1L) << 14;
                for (int i = 0; i < 4; i++) {
                    d[21 + i] = (byte) (bits >> (8 * i));
                }
            }
            default -> {
                for (int i = 0; i < 3; i++) {
                    d[24 + i] = (byte) ((width - 1) >> (8 * i));
                    d[27 + i] = (byte) ((height - 1) >> (8 * i));
                }
            }
        }
        return d;
    }

    private static void put(byte[] d, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            d[at + i] = (byte) ascii.charAt(i);
        }
    }
}
