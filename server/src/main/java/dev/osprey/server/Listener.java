package dev.osprey.server;

import java.net.InetSocketAddress;

/** One open listener, as the start-up banner prints it. */
public record Listener(String service, String protocol, InetSocketAddress address, String purpose) {

    /** A URL-like line such as {@code ws://127.0.0.1:7880}. */
    public String endpoint() {
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return protocol + "://" + host + ":" + address.getPort();
    }
}
