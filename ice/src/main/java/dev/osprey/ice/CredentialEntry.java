package dev.osprey.ice;

import dev.osprey.stun.IntegrityKey;

/**
 * One generation of a transport's local credentials as the ufrag table holds it: the short-term key is derived
 * once here (RFC 8489 §9.1.1), not per check.
 */
record CredentialEntry(Ufrag ufrag, IceCredentials credentials, IntegrityKey key, LiteTransport transport) {
    static CredentialEntry of(IceCredentials credentials, LiteTransport transport) {
        return new CredentialEntry(new Ufrag(credentials.ufrag()), credentials,
                IntegrityKey.shortTerm(credentials.password()), transport);
    }
}
