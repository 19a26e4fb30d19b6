package dev.osprey.control.uploads;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes image sniffing: whatever the bytes, {@link ImageProbe#probe} names an accepted type with a non-negative size
 * or throws {@link ImageProbe.Unsupported} — never another exception. The corpus holds each image type's header.
 */
class ImageProbeFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void probe(byte[] data) {
        try {
            ImageProbe.Image image = ImageProbe.probe(data);
            if (image.width() < 0 || image.height() < 0 || image.mime().isEmpty()) {
                throw new AssertionError("bad probe result " + image);
            }
        } catch (ImageProbe.Unsupported expected) {
            // not an accepted image: the module's own exception
        }
    }
}
