package dev.osprey.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * STUN attribute types, an open enum over the IANA "STUN Attributes" registry (RFC 8489 §18.3, RFC 8656 §17,
 * RFC 8445 §20.1, RFC 5780, RFC 6062): unknown 16-bit types are kept, so messages carrying them round-trip.
 * Types below 0x8000 are comprehension-required (RFC 8489 §14): an agent that does not understand one must reject
 * the request with 420 and list the type in UNKNOWN-ATTRIBUTES.
 */
public final class StunAttributeType {
    private static final List<StunAttributeType> REGISTERED = new ArrayList<>();

    public static final StunAttributeType MAPPED_ADDRESS = register(0x0001, "MAPPED-ADDRESS");
    /** RFC 5780 NAT behaviour discovery; comprehension-required and not implemented here. */
    public static final StunAttributeType CHANGE_REQUEST = register(0x0003, "CHANGE-REQUEST");
    public static final StunAttributeType USERNAME = register(0x0006, "USERNAME");
    public static final StunAttributeType MESSAGE_INTEGRITY = register(0x0008, "MESSAGE-INTEGRITY");
    public static final StunAttributeType ERROR_CODE = register(0x0009, "ERROR-CODE");
    public static final StunAttributeType UNKNOWN_ATTRIBUTES = register(0x000A, "UNKNOWN-ATTRIBUTES");
    public static final StunAttributeType CHANNEL_NUMBER = register(0x000C, "CHANNEL-NUMBER");
    public static final StunAttributeType LIFETIME = register(0x000D, "LIFETIME");
    public static final StunAttributeType XOR_PEER_ADDRESS = register(0x0012, "XOR-PEER-ADDRESS");
    public static final StunAttributeType DATA = register(0x0013, "DATA");
    public static final StunAttributeType REALM = register(0x0014, "REALM");
    public static final StunAttributeType NONCE = register(0x0015, "NONCE");
    public static final StunAttributeType XOR_RELAYED_ADDRESS = register(0x0016, "XOR-RELAYED-ADDRESS");
    public static final StunAttributeType REQUESTED_ADDRESS_FAMILY = register(0x0017, "REQUESTED-ADDRESS-FAMILY");
    public static final StunAttributeType EVEN_PORT = register(0x0018, "EVEN-PORT");
    public static final StunAttributeType REQUESTED_TRANSPORT = register(0x0019, "REQUESTED-TRANSPORT");
    public static final StunAttributeType DONT_FRAGMENT = register(0x001A, "DONT-FRAGMENT");
    public static final StunAttributeType ACCESS_TOKEN = register(0x001B, "ACCESS-TOKEN");
    public static final StunAttributeType MESSAGE_INTEGRITY_SHA256 = register(0x001C, "MESSAGE-INTEGRITY-SHA256");
    public static final StunAttributeType PASSWORD_ALGORITHM = register(0x001D, "PASSWORD-ALGORITHM");
    public static final StunAttributeType USERHASH = register(0x001E, "USERHASH");
    public static final StunAttributeType XOR_MAPPED_ADDRESS = register(0x0020, "XOR-MAPPED-ADDRESS");
    public static final StunAttributeType RESERVATION_TOKEN = register(0x0022, "RESERVATION-TOKEN");
    public static final StunAttributeType PRIORITY = register(0x0024, "PRIORITY");
    public static final StunAttributeType USE_CANDIDATE = register(0x0025, "USE-CANDIDATE");
    public static final StunAttributeType PADDING = register(0x0026, "PADDING");
    public static final StunAttributeType RESPONSE_PORT = register(0x0027, "RESPONSE-PORT");
    public static final StunAttributeType CONNECTION_ID = register(0x002A, "CONNECTION-ID");
    public static final StunAttributeType ADDITIONAL_ADDRESS_FAMILY = register(0x8000, "ADDITIONAL-ADDRESS-FAMILY");
    public static final StunAttributeType ADDRESS_ERROR_CODE = register(0x8001, "ADDRESS-ERROR-CODE");
    public static final StunAttributeType PASSWORD_ALGORITHMS = register(0x8002, "PASSWORD-ALGORITHMS");
    public static final StunAttributeType ALTERNATE_DOMAIN = register(0x8003, "ALTERNATE-DOMAIN");
    public static final StunAttributeType ICMP = register(0x8004, "ICMP");
    public static final StunAttributeType SOFTWARE = register(0x8022, "SOFTWARE");
    public static final StunAttributeType ALTERNATE_SERVER = register(0x8023, "ALTERNATE-SERVER");
    public static final StunAttributeType TRANSACTION_TRANSMIT_COUNTER =
            register(0x8025, "TRANSACTION_TRANSMIT_COUNTER");
    public static final StunAttributeType CACHE_TIMEOUT = register(0x8027, "CACHE-TIMEOUT");
    public static final StunAttributeType FINGERPRINT = register(0x8028, "FINGERPRINT");
    public static final StunAttributeType ICE_CONTROLLED = register(0x8029, "ICE-CONTROLLED");
    public static final StunAttributeType ICE_CONTROLLING = register(0x802A, "ICE-CONTROLLING");
    public static final StunAttributeType RESPONSE_ORIGIN = register(0x802B, "RESPONSE-ORIGIN");
    public static final StunAttributeType OTHER_ADDRESS = register(0x802C, "OTHER-ADDRESS");
    public static final StunAttributeType ECN_CHECK = register(0x802D, "ECN-CHECK");
    public static final StunAttributeType THIRD_PARTY_AUTHORIZATION = register(0x802E, "THIRD-PARTY-AUTHORIZATION");
    public static final StunAttributeType MOBILITY_TICKET = register(0x8030, "MOBILITY-TICKET");
    /** Sent by Chrome in ICE checks (network id and cost); comprehension-optional. */
    public static final StunAttributeType GOOG_NETWORK_INFO = register(0xC057, "GOOG-NETWORK-INFO");

    private static final CodeTable<StunAttributeType> TABLE = CodeTable.of(REGISTERED, StunAttributeType::code);

    private final int code;
    private final String name;
    private final boolean registered;

    private StunAttributeType(int code, String name, boolean registered) {
        this.code = code;
        this.name = name;
        this.registered = registered;
    }

    private static StunAttributeType register(int code, String name) {
        StunAttributeType t = new StunAttributeType(code, name, true);
        REGISTERED.add(t);
        return t;
    }

    /** The registered type for {@code code}, or a value that carries the unknown 16-bit code. */
    public static StunAttributeType valueOf(int code) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("STUN attribute type out of range: " + code);
        }
        StunAttributeType known = TABLE.find(code);
        return known != null ? known : new StunAttributeType(code, String.format("0x%04X", code), false);
    }

    /** Every registered type. */
    public static List<StunAttributeType> registered() {
        return TABLE.all();
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isRegistered() {
        return registered;
    }

    /** Types 0x0000–0x7FFF must be understood by the receiver (RFC 8489 §14). */
    public boolean isComprehensionRequired() {
        return isComprehensionRequired(code);
    }

    public static boolean isComprehensionRequired(int code) {
        return code < 0x8000;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunAttributeType other && other.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
