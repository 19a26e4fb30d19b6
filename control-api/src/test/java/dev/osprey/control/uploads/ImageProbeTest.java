package dev.osprey.control.uploads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Image type and size from headers: every accepted type, truncations, and what is not an image. */
class ImageProbeTest {

    @ParameterizedTest
    @CsvSource({"png,image/png,.png", "gif,image/gif,.gif", "jpg,image/jpeg,.jpg"})
    void imagesTheJdkWritesAreRecognisedWithTheirSize(String format, String mime, String ext) throws Exception {
        ImageProbe.Image image = ImageProbe.probe(TestImages.encode(format, 37, 21, 1));
        assertThat(image).isEqualTo(new ImageProbe.Image(mime, ext, 37, 21));
    }

    @ParameterizedTest
    @CsvSource({"'VP8 ',640,480", "VP8L,16383,1", "VP8X,16777216,3"})
    void webpSizesComeFromEachChunkKind(String chunk, int width, int height) throws Exception {
        assertThat(ImageProbe.probe(TestImages.webp(chunk, width, height)))
                .isEqualTo(new ImageProbe.Image("image/webp", ".webp", width, height));
    }

    @Test
    void truncatedImagesAreRecognisedWithUnknownSize() throws Exception {
        Map<String, Integer> signature = Map.of("png", 8, "gif", 6, "jpg", 3);
        for (String format : signature.keySet()) {
            byte[] full = TestImages.encode(format, 8, 8, 2);
            for (int cut = signature.get(format); cut < 40; cut++) {
                ImageProbe.Image image = ImageProbe.probe(Arrays.copyOf(full, cut));
                if (image.width() != 0) {
                    // a header complete enough to name the size names the right one
                    assertThat(image.width()).isEqualTo(8);
                }
            }
        }
        assertThat(ImageProbe.probe(Arrays.copyOf(TestImages.webp("VP8X", 9, 9), 20)).width()).isZero();
        // a JPEG whose scan starts before any frame header, and one with a broken segment length
        assertThat(ImageProbe.probe(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2}).width())
                .isZero();
        assertThat(ImageProbe.probe(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0, 0, 0})
                .width()).isZero();
        // a PNG whose IHDR width does not fit 31 bits
        byte[] png = TestImages.encode("png", 4, 4, 3);
        png[16] = (byte) 0x80;
        assertThat(ImageProbe.probe(png).width()).isZero();
    }

    @Test
    void anythingElseIsUnsupported() {
        for (byte[] data : new byte[][] {new byte[0], "hello world".getBytes(StandardCharsets.US_ASCII),
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "<svg xmlns='http://www.w3.org/2000/svg'/>"
                .getBytes(StandardCharsets.US_ASCII), {(byte) 0xff, (byte) 0xd8}, "RIFF0000WAVE".getBytes(
                StandardCharsets.US_ASCII)}) {
            assertThatThrownBy(() -> ImageProbe.probe(data)).isInstanceOf(ImageProbe.Unsupported.class)
                    .hasMessage("unsupported image type");
        }
    }
}
