package dev.osprey.turn.server;

import dev.osprey.stun.StunMessage;
import dev.osprey.stun.attribute.AddressFamily;
import dev.osprey.stun.attribute.DontFragment;
import dev.osprey.stun.attribute.EvenPort;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.RequestedAddressFamily;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.ReservationToken;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.XorMappedAddress;
import dev.osprey.stun.attribute.XorRelayedAddress;
import dev.osprey.turn.allocation.AllocationQuota;
import dev.osprey.turn.allocation.RelayPortAllocator.EvenPortGrant;
import dev.osprey.turn.metrics.Refusal;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Allocate (RFC 8656 §7.2, RFC 6062 §5.1), after authentication: refuse a second allocation on the 5-tuple (437);
 * require REQUESTED-TRANSPORT UDP or TCP (400, 442); check RESERVATION-TOKEN, EVEN-PORT and REQUESTED-ADDRESS-FAMILY
 * (400, 440); charge the quota (486, 508); pick a relay port (508 when none); bind the relay socket on this 5-tuple's
 * event loop and answer with XOR-RELAYED-ADDRESS, LIFETIME, XOR-MAPPED-ADDRESS and, for EVEN-PORT with R,
 * RESERVATION-TOKEN. DONT-FRAGMENT is accepted: Linux sends UDP with the DF bit (path MTU discovery) by default.
 *
 * <p>A TCP allocation (RFC 6062 §5.1) is only made over a TCP or TLS control connection (400 over UDP, as §5.1 item 2
 * says), never with DONT-FRAGMENT, EVEN-PORT or RESERVATION-TOKEN (400); its relay socket is a listening TCP socket.
 */
public final class AllocateHandler implements RequestHandler {
    /** Relay ports taken by other processes are skipped; give up after this many tries. */
    static final int BIND_ATTEMPTS = 5;
    private final TurnServices services;
    private final TurnResponder responder;

    public AllocateHandler(TurnServices services) {
        this.services = services;
        this.responder = services.responder();
    }

    @Override
    public void handle(TurnRequest request, ByteBuf raw) {
        if (request.connection().allocation() != null) {
            responder.error(request, Refusal.ALLOCATION_MISMATCH);
            return;
        }
        Refusal refusal = checkAttributes(request.message(), request.connection().fiveTuple().protocol().isStream());
        if (refusal != null) {
            responder.error(request, refusal);
            return;
        }
        AddressFamily family = requestedFamily(request.message());
        Optional<InetAddress> advertised = services.relayAddresses().advertised(family);
        if (advertised.isEmpty()) {
            responder.error(request, Refusal.ADDRESS_FAMILY_NOT_SUPPORTED);
            return;
        }
        allocate(request, family, advertised.get());
    }

    /** The checks of §7.2 steps 2–6 (and RFC 6062 §5.1) that need no state; null when the request is acceptable. */
    private static Refusal checkAttributes(StunMessage message, boolean streamClient) {
        Optional<RequestedTransport> transport = message.attribute(RequestedTransport.class);
        if (transport.isEmpty()) {
            return Refusal.BAD_REQUEST;
        }
        int protocol = transport.get().protocol();
        if (protocol == RequestedTransport.TCP) {
            return streamClient && message.attribute(DontFragment.class).isEmpty()
                    && message.attribute(EvenPort.class).isEmpty() && message.attribute(ReservationToken.class).isEmpty()
                    ? checkFamily(message) : Refusal.BAD_REQUEST;
        }
        if (protocol != RequestedTransport.UDP) {
            return Refusal.UNSUPPORTED_TRANSPORT;
        }
        boolean token = message.attribute(ReservationToken.class).isPresent();
        if (token && (message.attribute(EvenPort.class).isPresent()
                || message.attribute(RequestedAddressFamily.class).isPresent())) {
            return Refusal.BAD_REQUEST;
        }
        return checkFamily(message);
    }

    private static Refusal checkFamily(StunMessage message) {
        Optional<RequestedAddressFamily> family = message.attribute(RequestedAddressFamily.class);
        if (family.isPresent() && AddressFamily.ofCode(family.get().familyCode()) == null) {
            return Refusal.ADDRESS_FAMILY_NOT_SUPPORTED;
        }
        return null;
    }

    private static boolean isTcp(StunMessage message) {
        return message.attribute(RequestedTransport.class).orElseThrow().protocol() == RequestedTransport.TCP;
    }

    private static AddressFamily requestedFamily(StunMessage message) {
        return message.attribute(RequestedAddressFamily.class)
                .map(f -> AddressFamily.ofCode(f.familyCode())).orElse(AddressFamily.IPV4);
    }

    private void allocate(TurnRequest request, AddressFamily family, InetAddress advertised) {
        String account = request.credential() != null ? request.credential().account() : request.username();
        AllocationQuota.Outcome outcome = services.quota().tryAcquire(account);
        if (outcome != AllocationQuota.Outcome.GRANTED) {
            responder.error(request, outcome == AllocationQuota.Outcome.SERVER_FULL
                    ? Refusal.INSUFFICIENT_CAPACITY : Refusal.ALLOCATION_QUOTA_REACHED);
            return;
        }
        PortChoice port = choosePort(request.message());
        if (port == null) {
            services.quota().release(account);
            responder.error(request, Refusal.INSUFFICIENT_CAPACITY);
            return;
        }
        Allocation allocation = new Allocation(request.connection(), request.username(), account, request.key(),
                services.config().maxAllocationBytesPerSecond(), services.metrics().permissions(),
                services.metrics().channels());
        allocation.expireIn(Lifetimes.granted(request.message(), services.config()), services.clock().nanoTime());
        if (isTcp(request.message())) {
            allocation.enableTcp(new TcpRelay(allocation, services));
        }
        request.connection().attach(allocation);
        bind(request, allocation, family, advertised, port, BIND_ATTEMPTS);
    }

    /** The relay port: the reserved one for a RESERVATION-TOKEN, an even one for EVEN-PORT, else any. */
    private PortChoice choosePort(StunMessage message) {
        Optional<ReservationToken> token = message.attribute(ReservationToken.class);
        if (token.isPresent()) {
            OptionalInt reserved = services.ports().redeem(token.get().token(), services.clock().nanoTime());
            return reserved.isPresent() ? new PortChoice(reserved.getAsInt(), OptionalLong.empty(), true) : null;
        }
        Optional<EvenPort> even = message.attribute(EvenPort.class);
        if (even.isPresent()) {
            Optional<EvenPortGrant> grant = services.ports()
                    .acquireEven(even.get().reserveNextPort(), services.clock().nanoTime());
            return grant.map(g -> new PortChoice(g.port(), g.reservationToken(), true)).orElse(null);
        }
        OptionalInt any = services.ports().acquire();
        return any.isPresent() ? new PortChoice(any.getAsInt(), OptionalLong.empty(), false) : null;
    }

    private void bind(TurnRequest request, Allocation allocation, AddressFamily family, InetAddress advertised,
                      PortChoice port, int attemptsLeft) {
        InetSocketAddress bindAddress = services.relayAddresses().bindAddress(family, port.port());
        TcpRelay tcp = allocation.tcp();
        Future<Channel> opened = tcp != null
                ? services.tcpRelaySockets().listen(allocation, bindAddress, tcp::accepted)
                : services.relaySockets().open(allocation, bindAddress);
        opened.addListener(f -> {
            if (f.isSuccess()) {
                bound(request, allocation, opened.getNow(), new InetSocketAddress(advertised, port.port()), port);
                return;
            }
            services.ports().release(port.port());
            PortChoice retry = !port.fixed() && attemptsLeft > 1 && !allocation.isDeleted()
                    ? choosePort(request.message()) : null;
            if (retry != null) {
                bind(request, allocation, family, advertised, retry, attemptsLeft - 1);
            } else {
                failed(request, allocation, port);
            }
        });
    }

    private void bound(TurnRequest request, Allocation allocation, Channel relay, InetSocketAddress relayAddress,
                       PortChoice port) {
        allocation.relayBound(relay, relayAddress);
        if (allocation.isDeleted()) { // the client's connection closed while the socket was being bound
            relay.close();
            services.ports().release(port.port());
            port.token().ifPresent(services.ports()::cancel);
            return;
        }
        services.registry().register(allocation);
        List<StunAttribute> attributes = new ArrayList<>(5);
        attributes.add(new XorRelayedAddress(relayAddress));
        attributes.add(new Lifetime(Lifetimes.granted(request.message(), services.config())));
        port.token().ifPresent(token -> attributes.add(new ReservationToken(token)));
        attributes.add(new XorMappedAddress(request.client()));
        responder.success(request, attributes);
    }

    private void failed(TurnRequest request, Allocation allocation, PortChoice port) {
        port.token().ifPresent(services.ports()::cancel);
        if (allocation.isDeleted()) {
            return; // the connection went away meanwhile; nobody to answer
        }
        services.registry().delete(allocation);
        responder.error(request, Refusal.INSUFFICIENT_CAPACITY);
    }

    /** A relay port, the reservation made alongside it, and whether it is the only acceptable port. */
    private record PortChoice(int port, OptionalLong token, boolean fixed) {
    }
}
