package dev.osprey.turn.net;

import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadableSslContextTest {

    @Test
    void loadsPemAndReloadsWhenTheFilesChange(@TempDir Path dir) throws Exception {
        TestCertificates.Pair first = TestCertificates.write(dir, "first.test");
        ReloadableSslContext tls = new ReloadableSslContext(first.cert(), first.key());
        SslContext before = tls.current();
        assertThat(before.isServer()).isTrue();
        assertThat(tls.reloadIfChanged()).isFalse();

        TestCertificates.write(dir, "second.test");
        touch(first.cert(), first.key());
        assertThat(tls.reloadIfChanged()).isTrue();
        assertThat(tls.current()).isNotSameAs(before);
    }

    @Test
    void aBrokenRenewalKeepsThePreviousContext(@TempDir Path dir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.write(dir, "keep.test");
        ReloadableSslContext tls = new ReloadableSslContext(pair.cert(), pair.key());
        SslContext before = tls.current();
        Files.writeString(pair.key(), "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        touch(pair.key());
        assertThat(tls.reloadIfChanged()).isFalse();
        assertThat(tls.current()).isSameAs(before);
    }

    @Test
    void missingFilesFailAtStart(@TempDir Path dir) {
        assertThatThrownBy(() -> new ReloadableSslContext(dir.resolve("no.pem"), dir.resolve("no.key")))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static void touch(Path... files) throws Exception {
        FileTime later = FileTime.from(Instant.now().plusSeconds(5));
        for (Path file : files) {
            Files.setLastModifiedTime(file, later);
        }
    }
}
