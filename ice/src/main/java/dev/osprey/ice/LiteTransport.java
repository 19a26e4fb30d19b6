package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An {@link IceTransport} of the lite agent. Its pairs and selection live on its event loop; checks and packets
 * that arrive on another loop are handed over with {@code execute}. Selection follows the controlling peer: a
 * nomination (USE-CANDIDATE, RFC 8445 §8.1.1) selects its pair, and so does media arriving on another valid pair,
 * which is how aggressive nomination and renomination behave in practice. Consent (RFC 7675) is kept per pair from
 * the last valid check; when the selected pair loses it, the freshest other pair takes over, and with none left
 * the transport is disconnected.
 */
final class LiteTransport implements IceTransport {
    private static final Logger log = LoggerFactory.getLogger(LiteTransport.class);

    private final AgentContext ctx;
    private final IceTransportListener listener;
    private final EventLoop loop;
    private final List<IceCandidate> candidates;
    private final List<ValidPair> pairs = new ArrayList<>(4);
    private final List<CredentialEntry> superseded = new ArrayList<>(1);
    private volatile CredentialEntry current;
    private volatile ValidPair selected;
    private volatile IceTransportState state = IceTransportState.NEW;
    private boolean closing;
    private boolean everSelected;

    LiteTransport(AgentContext ctx, IceCredentials credentials, IceTransportListener listener, EventLoop loop,
                  List<IceCandidate> candidates) {
        this.ctx = ctx;
        this.listener = listener;
        this.loop = loop;
        this.candidates = List.copyOf(candidates);
        CredentialEntry entry = CredentialEntry.of(credentials, this);
        ctx.ufrags().register(entry);
        this.current = entry;
    }

    @Override
    public IceCredentials localCredentials() {
        return current.credentials();
    }

    @Override
    public List<IceCandidate> localCandidates() {
        return candidates;
    }

    @Override
    public IceTransportState state() {
        return state;
    }

    @Override
    public FiveTuple selectedPair() {
        ValidPair p = selected;
        return p == null ? null : p.tuple();
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public void send(ByteBuf packet) {
        ValidPair p = selected;
        if (p == null || state != IceTransportState.CONNECTED) {
            packet.release();
            ctx.metrics().dropped(DropReason.NOT_CONNECTED);
            return;
        }
        p.path.write(packet);
        p.path.flush();
    }

    @Override
    public void write(ByteBuf packet) {
        ValidPair p = selected;
        if (p == null || state != IceTransportState.CONNECTED) {
            packet.release();
            ctx.metrics().dropped(DropReason.NOT_CONNECTED);
            return;
        }
        p.path.write(packet);
    }

    @Override
    public void flush() {
        ValidPair p = selected;
        if (p != null) {
            p.path.flush();
        }
    }

    @Override
    public void restart(IceCredentials newCredentials) {
        CredentialEntry next = CredentialEntry.of(newCredentials, this);
        ctx.ufrags().register(next);
        CredentialEntry previous;
        synchronized (this) {
            if (closing) {
                ctx.ufrags().unregister(next);
                throw new IllegalStateException("transport is closed");
            }
            previous = current;
            current = next;
        }
        log.atInfo().addKeyValue("ufrag", newCredentials.ufrag()).addKeyValue("previous", previous.ufrag())
                .log("ICE restart");
        runOnLoop(() -> superseded.add(previous));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        runOnLoop(this::closeOnLoop);
    }

    private void closeOnLoop() {
        ctx.ufrags().unregister(current);
        superseded.forEach(ctx.ufrags()::unregister);
        superseded.clear();
        for (ValidPair p : pairs) {
            p.removed = true;
            p.path.detach(p);
        }
        pairs.clear();
        selected = null;
        setState(IceTransportState.CLOSED);
        ctx.onClosed().accept(this);
        log.atInfo().addKeyValue("ufrag", current.ufrag()).log("ICE transport closed");
    }

    /** A valid check arrived over {@code pair} with the credentials of {@code via}. */
    void onValidCheck(ValidPair pair, CredentialEntry via, boolean useCandidate) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> onValidCheck(pair, via, useCandidate));
            return;
        }
        if (state == IceTransportState.CLOSED) {
            pair.removed = true;
            pair.path.detach(pair);
            return;
        }
        if (pair.removed) {
            return; // swept while the check was on its way; the next check makes a fresh pair
        }
        if (via == current && !superseded.isEmpty()) {
            completeRestart();
        }
        pair.lastCheckMillis = ctx.clock().millis();
        if (!pair.registered) {
            addPair(pair);
        }
        if (useCandidate || (selected == null && everSelected)) {
            select(pair);
        }
    }

    /** The first valid check with the newest credentials retires the older ones (RFC 8445 §9). */
    private void completeRestart() {
        superseded.forEach(ctx.ufrags()::unregister);
        superseded.clear();
        log.atInfo().addKeyValue("ufrag", current.ufrag()).log("ICE restart completed");
        try {
            listener.onRestartCompleted(this, current.credentials());
        } catch (RuntimeException e) {
            ctx.metrics().listenerError();
            log.warn("ICE transport listener failed on a restart", e);
        }
    }

    /** A DTLS/RTP/RTCP packet routed to {@code pair}; ownership passes on to the listener or is released here. */
    void deliver(ValidPair pair, ByteBuf packet) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> deliver(pair, packet));
            return;
        }
        if (pair.removed || !pair.registered || state == IceTransportState.CLOSED) {
            packet.release();
            ctx.metrics().dropped(DropReason.TRANSPORT_CLOSED);
            return;
        }
        if (pair != selected) {
            select(pair);
        }
        try {
            listener.onPacket(this, pair.tuple(), packet);
        } catch (RuntimeException e) {
            ctx.metrics().listenerError();
            log.debug("ICE transport listener failed on a packet", e);
        }
    }

    /** The socket or connection behind {@code pair} is gone (TCP closed, or the route was taken over). */
    void onPathLost(ValidPair pair) {
        runOnLoop(() -> {
            if (pair.registered && !pair.removed) {
                pair.removed = true;
                pairs.remove(pair);
                if (pair == selected) {
                    replaceSelected(false);
                }
            }
        });
    }

    /** Drops pairs whose last valid check is older than the consent timeout (RFC 7675 §5.1). On the loop. */
    void sweep(long nowMillis) {
        if (state == IceTransportState.CLOSED) {
            return;
        }
        boolean lostSelected = false;
        for (Iterator<ValidPair> it = pairs.iterator(); it.hasNext(); ) {
            ValidPair p = it.next();
            if (nowMillis - p.lastCheckMillis >= ctx.consentTimeoutMillis()) {
                it.remove();
                p.removed = true;
                p.path.detach(p);
                lostSelected |= p == selected;
            }
        }
        if (lostSelected) {
            replaceSelected(true);
        }
    }

    /** The selected pair is gone: by consent expiry (counted as such) or because its path closed. */
    private void replaceSelected(boolean consentExpired) {
        ValidPair freshest = null;
        for (ValidPair p : pairs) {
            if (freshest == null || p.lastCheckMillis > freshest.lastCheckMillis) {
                freshest = p;
            }
        }
        if (freshest != null) {
            select(freshest);
            return;
        }
        selected = null;
        if (consentExpired) {
            ctx.metrics().consentExpired();
        }
        log.atInfo().addKeyValue("ufrag", current.ufrag()).addKeyValue("consentExpired", consentExpired)
                .log("ICE transport disconnected");
        setState(IceTransportState.DISCONNECTED);
    }

    private void addPair(ValidPair pair) {
        if (pairs.size() >= ctx.maxPairsPerTransport()) {
            ValidPair oldest = null;
            for (ValidPair p : pairs) {
                if (p != selected && (oldest == null || p.lastCheckMillis < oldest.lastCheckMillis)) {
                    oldest = p;
                }
            }
            if (oldest != null) {
                pairs.remove(oldest);
                oldest.removed = true;
                oldest.path.detach(oldest);
            }
        }
        pair.registered = true;
        pairs.add(pair);
    }

    private void select(ValidPair pair) {
        if (selected == pair) {
            return;
        }
        selected = pair;
        everSelected = true;
        ctx.metrics().selectedPairChanged();
        log.atInfo().addKeyValue("ufrag", current.ufrag()).addKeyValue("pair", pair.tuple())
                .log("ICE selected pair");
        try {
            listener.onSelectedPairChanged(this, pair.tuple());
        } catch (RuntimeException e) {
            ctx.metrics().listenerError();
            log.warn("ICE transport listener failed on a pair change", e);
        }
        setState(IceTransportState.CONNECTED);
    }

    private void setState(IceTransportState next) {
        if (state == next) {
            return;
        }
        state = next;
        try {
            listener.onStateChanged(this, next);
        } catch (RuntimeException e) {
            ctx.metrics().listenerError();
            log.warn("ICE transport listener failed on a state change", e);
        }
    }

    private void runOnLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** Valid pairs on the loop; for tests. */
    List<ValidPair> pairsOnLoop() {
        return List.copyOf(pairs);
    }
}
