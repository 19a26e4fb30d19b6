package dev.osprey.turn.server;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunMessage;
import dev.osprey.turn.auth.Credential;

import java.net.InetSocketAddress;

/**
 * A decoded STUN request being answered: the message, the 5-tuple's connection, and, once long-term authentication
 * passed, the username, key and account. The raw bytes are not kept: handlers that finish asynchronously (Allocate
 * waits for its relay socket) must not need them.
 */
public final class TurnRequest {
    private final StunMessage message;
    private final ClientConnection connection;
    private final boolean fingerprint;
    private final boolean sha256;
    private String username;
    private IntegrityKey key;
    private Credential credential;

    public TurnRequest(StunMessage message, ClientConnection connection) {
        this.message = message;
        this.connection = connection;
        this.fingerprint = message.has(StunAttributeType.FINGERPRINT);
        this.sha256 = message.has(StunAttributeType.MESSAGE_INTEGRITY_SHA256);
    }

    public StunMessage message() {
        return message;
    }

    public ClientConnection connection() {
        return connection;
    }

    public InetSocketAddress client() {
        return connection.fiveTuple().client();
    }

    /** Whether the request carried FINGERPRINT; the response then carries one too. */
    public boolean hasFingerprint() {
        return fingerprint;
    }

    /** Whether the request was protected with MESSAGE-INTEGRITY-SHA256; the response then uses it too. */
    public boolean usesSha256() {
        return sha256;
    }

    /** Records a passed authentication (RFC 8489 §9.2.4). */
    void authenticated(String username, IntegrityKey key, Credential credential) {
        this.username = username;
        this.key = key;
        this.credential = credential;
    }

    /** The authenticated USERNAME, or null before authentication. */
    public String username() {
        return username;
    }

    /** The long-term key, or null before authentication (responses then carry no MESSAGE-INTEGRITY). */
    public IntegrityKey key() {
        return key;
    }

    /** The credential's account, for the quota; null before authentication or with a cached key. */
    public Credential credential() {
        return credential;
    }
}
