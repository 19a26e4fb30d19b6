package dev.osprey.turn.api;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds loopback ports that are free for both UDP and TCP, for listeners that must share a port number. */
final class FreePorts {
    private FreePorts() {
    }

    static int udpAndTcp() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on loopback");
    }

    static int tcp() throws IOException {
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return tcp.getLocalPort();
        }
    }
}
