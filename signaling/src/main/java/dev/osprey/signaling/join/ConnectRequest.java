package dev.osprey.signaling.join;

import java.util.List;
import java.util.Map;

/**
 * What the join checks read from an {@code /rtc} or {@code /rtc/validate} request, independent of the HTTP stack.
 *
 * @param query         decoded query parameters (first value wins, as Go's {@code FormValue} does)
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param clientAddress the client's address as LiveKit reports it (forwarding headers first, then the peer)
 */
public record ConnectRequest(Map<String, List<String>> query, String authorization, String clientAddress) {

    public ConnectRequest {
        query = Map.copyOf(query);
    }

    /** The first value of a query parameter, or the empty string. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    /** LiveKit's booleans in query strings are {@code "1"} or {@code "true"}. */
    public boolean flag(String name) {
        String value = param(name);
        return value.equals("1") || value.equals("true");
    }

    /** A flag that is {@code null} when the parameter is absent, for settings whose default lies elsewhere. */
    public Boolean optionalFlag(String name) {
        return param(name).isEmpty() ? null : flag(name);
    }
}
