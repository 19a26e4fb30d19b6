package dev.osprey.dtls;

import java.util.Hashtable;

/** BouncyCastle hands extension tables around as raw {@link Hashtable}s that may be null. */
final class TlsExtensions {

    private TlsExtensions() {
    }

    @SuppressWarnings("rawtypes")
    static Hashtable ensure(Hashtable extensions) {
        return extensions == null ? new Hashtable() : extensions;
    }
}
