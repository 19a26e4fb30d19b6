package dev.osprey.signaling.sdp;

import java.util.Locale;

/**
 * The {@code typ} of an ICE candidate (RFC 8839 §5.1 candidate-types: host, srflx, prflx, relay or an extension
 * token). An open enum: unknown tokens are kept as written; equality ignores case, as ABNF literals do.
 */
public final class CandidateType {

    public static final CandidateType HOST = new CandidateType("host");
    public static final CandidateType SRFLX = new CandidateType("srflx");
    public static final CandidateType PRFLX = new CandidateType("prflx");
    public static final CandidateType RELAY = new CandidateType("relay");

    private final String token;

    private CandidateType(String token) {
        this.token = token;
    }

    /** The constant for {@code token} when spelled as registered, otherwise a new instance keeping the spelling. */
    public static CandidateType valueOf(String token) {
        Checks.token(token, "candidate type");
        for (CandidateType known : new CandidateType[] {HOST, SRFLX, PRFLX, RELAY}) {
            if (known.token.equals(token)) {
                return known;
            }
        }
        return new CandidateType(token);
    }

    public String token() {
        return token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CandidateType other && other.token.equalsIgnoreCase(token);
    }

    @Override
    public int hashCode() {
        return token.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return token;
    }
}
