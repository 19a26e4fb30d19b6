package dev.osprey.stun;

import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.UnknownAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded STUN message (RFC 8489 §5, §6): class, method, transaction ID and the attributes in wire order.
 * Immutable. Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT are not kept,
 * as §14.5 says receivers ignore them. Build one with {@link #builder} and encode it with {@link StunEncoder}.
 */
public record StunMessage(StunClass messageClass, StunMethod method, TransactionId transactionId,
                          List<StunAttribute> attributes) {

    public StunMessage {
        if (messageClass == null || method == null || transactionId == null) {
            throw new IllegalArgumentException("class, method and transaction ID are required");
        }
        attributes = List.copyOf(attributes);
    }

    public static Builder builder(StunClass messageClass, StunMethod method, TransactionId transactionId) {
        return new Builder(messageClass, method, transactionId);
    }

    /** A success response to {@code request}: same method and transaction ID (RFC 8489 §6.3.1.1). */
    public static Builder successResponseTo(StunMessage request) {
        return builder(StunClass.SUCCESS_RESPONSE, request.method, request.transactionId);
    }

    /** An error response to {@code request}: same method and transaction ID (RFC 8489 §6.3.1.1). */
    public static Builder errorResponseTo(StunMessage request) {
        return builder(StunClass.ERROR_RESPONSE, request.method, request.transactionId);
    }

    /** The first attribute of class {@code type}: RFC 8489 §14 says only the first occurrence counts. */
    public <T extends StunAttribute> Optional<T> attribute(Class<T> type) {
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    /** Whether an attribute of {@code type} is present. */
    public boolean has(StunAttributeType type) {
        for (StunAttribute a : attributes) {
            if (a.type().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The comprehension-required attribute types this codec does not understand, in order of appearance and
     * without duplicates: a server answers a request that has any with 420 (Unknown Attribute) listing them
     * (RFC 8489 §6.3.1.1); a client treats such a response as failed (§6.3.3, §6.3.4).
     */
    public List<StunAttributeType> unknownComprehensionRequired() {
        List<StunAttributeType> unknown = List.of();
        for (StunAttribute a : attributes) {
            if (a instanceof UnknownAttribute u && u.type().isComprehensionRequired() && !unknown.contains(u.type())) {
                if (unknown.isEmpty()) {
                    unknown = new ArrayList<>(2);
                }
                unknown.add(u.type());
            }
        }
        return unknown.isEmpty() ? unknown : List.copyOf(unknown);
    }

    @Override
    public String toString() {
        return method + " " + messageClass + " " + transactionId + " " + attributes;
    }

    /** Collects attributes in wire order. */
    public static final class Builder {
        private final StunClass messageClass;
        private final StunMethod method;
        private final TransactionId transactionId;
        private final List<StunAttribute> attributes = new ArrayList<>();

        private Builder(StunClass messageClass, StunMethod method, TransactionId transactionId) {
            this.messageClass = messageClass;
            this.method = method;
            this.transactionId = transactionId;
        }

        public Builder add(StunAttribute attribute) {
            if (attribute == null) {
                throw new IllegalArgumentException("null attribute");
            }
            attributes.add(attribute);
            return this;
        }

        public StunMessage build() {
            return new StunMessage(messageClass, method, transactionId, attributes);
        }
    }
}
