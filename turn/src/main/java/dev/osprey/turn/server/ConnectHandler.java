package dev.osprey.turn.server;

import dev.osprey.stun.attribute.ConnectionId;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.metrics.Refusal;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Connect (RFC 6062 §5.2), after authentication, on a TCP allocation's control connection: no allocation → 437; a UDP
 * allocation or no XOR-PEER-ADDRESS → 400; the peer checked as for CreatePermission (443, 403); a connection to the
 * same peer being made, pending or active → 446; too many peer connections on the allocation → 508. Otherwise the
 * server connects from the relayed transport address to the peer and answers when that is decided: 447 when it fails
 * or times out (at least 30 s), else success with the CONNECTION-ID the client binds a data connection with.
 */
public final class ConnectHandler extends AllocationRequestHandler {

    public ConnectHandler(TurnServices services) {
        super(services);
    }

    @Override
    protected void handle(TurnRequest request, Allocation allocation) {
        TcpRelay tcp = allocation.tcp();
        Optional<XorPeerAddress> peer = request.message().attribute(XorPeerAddress.class);
        if (tcp == null || peer.isEmpty()) {
            responder.error(request, Refusal.BAD_REQUEST);
            return;
        }
        InetSocketAddress peerAddress = peer.get().address();
        Refusal refusal = PeerChecks.check(services, allocation, peerAddress);
        if (refusal == null && tcp.hasConnectionTo(peerAddress)) {
            refusal = Refusal.CONNECTION_ALREADY_EXISTS;
        } else if (refusal == null && tcp.isFull()) {
            refusal = Refusal.INSUFFICIENT_CAPACITY;
        }
        if (refusal != null) {
            responder.error(request, refusal);
            return;
        }
        connect(request, allocation, tcp, peerAddress);
    }

    private void connect(TurnRequest request, Allocation allocation, TcpRelay tcp, InetSocketAddress peer) {
        PeerConnection connection = tcp.connecting(peer);
        Future<Channel> connected = services.tcpRelaySockets().connect(allocation, peer);
        connected.addListener(f -> {
            Channel channel = connected.getNow();
            if (allocation.isDeleted() || connection.state() == PeerConnection.State.CLOSED) {
                if (channel != null) {
                    channel.close(); // the allocation went away while connecting; nobody to answer
                }
                return;
            }
            if (channel == null) {
                tcp.connectFailed(connection);
                responder.error(request, Refusal.CONNECTION_TIMEOUT_OR_FAILURE);
                return;
            }
            long id = tcp.established(connection, channel);
            responder.success(request, List.of(new ConnectionId(id)));
        });
    }
}
