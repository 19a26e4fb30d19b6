package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Local ufrag → credential generation, shared by every socket of the agent: the first check of a transport is
 * routed by the ufrag in its USERNAME (RFC 8445 §7.3). Lookups are lock-free and allocate nothing.
 */
final class UfragTable {
    private static final FastThreadLocal<Ufrag.Probe> PROBE = new FastThreadLocal<>() {
        @Override
        protected Ufrag.Probe initialValue() {
            return new Ufrag.Probe();
        }
    };

    private final ConcurrentHashMap<Ufrag, CredentialEntry> entries = new ConcurrentHashMap<>();

    /** Adds the entry; refuses a ufrag another transport (or generation) already uses. */
    void register(CredentialEntry entry) {
        if (entries.putIfAbsent(entry.ufrag(), entry) != null) {
            throw new IllegalArgumentException("ICE ufrag already in use: " + entry.ufrag());
        }
    }

    void unregister(CredentialEntry entry) {
        entries.remove(entry.ufrag(), entry);
    }

    /** The entry whose ufrag is the {@code length} bytes at {@code index}, or {@code null}. */
    CredentialEntry find(ByteBuf buf, int index, int length) {
        Ufrag.Probe probe = PROBE.get().set(buf, index, length);
        try {
            return entries.get(probe);
        } finally {
            probe.clear();
        }
    }

    int size() {
        return entries.size();
    }
}
