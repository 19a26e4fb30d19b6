package dev.osprey.turn.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The TLS server context of the {@code turns:} listener, built from a PEM certificate chain and a PEM PKCS#8 key and
 * rebuilt when either file changes (certificates are renewed without a restart). TLS 1.2 and 1.3 only. New
 * connections take the current context; established ones keep theirs. {@link #reloadIfChanged()} reads files, so it
 * runs on the certificate watcher's own thread, never on an event loop.
 */
public final class ReloadableSslContext {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadableSslContext.class);
    private final Path certFile;
    private final Path keyFile;
    private volatile SslContext current;
    private FileTime certModified;
    private FileTime keyModified;

    /**
     * Loads the files now.
     *
     * @throws UncheckedIOException when they cannot be read or do not hold a certificate and matching key
     */
    public ReloadableSslContext(Path certFile, Path keyFile) {
        this.certFile = certFile;
        this.keyFile = keyFile;
        try {
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load TURN TLS certificate " + certFile + " / key " + keyFile, e);
        }
    }

    /** The context for a new connection. */
    public SslContext current() {
        return current;
    }

    /**
     * Rebuilds the context if a file's modification time changed. A broken new pair is logged and the old context
     * stays in use, so a half-written renewal never takes TLS down.
     *
     * @return whether a new context was installed
     */
    public synchronized boolean reloadIfChanged() {
        try {
            if (modified(certFile).equals(certModified) && modified(keyFile).equals(keyModified)) {
                return false;
            }
            load();
            LOG.info("TURN TLS certificate reloaded from {}", certFile);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("TURN TLS certificate {} could not be reloaded; keeping the previous one: {}", certFile,
                    e.toString());
            return false;
        }
    }

    private void load() throws IOException {
        FileTime certTime = modified(certFile);
        FileTime keyTime = modified(keyFile);
        try {
            current = SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile())
                    .protocols(SslProtocols.TLS_v1_3, SslProtocols.TLS_v1_2)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("bad TLS certificate or key: " + e.getMessage(), e);
        }
        certModified = certTime;
        keyModified = keyTime;
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }
}
