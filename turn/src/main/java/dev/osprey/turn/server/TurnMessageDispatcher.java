package dev.osprey.turn.server;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunHeader;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.StunParseException;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.UnknownAttributes;
import dev.osprey.turn.frame.FrameKind;
import dev.osprey.turn.frame.TurnFrameClassifier;
import dev.osprey.turn.metrics.DropReason;
import dev.osprey.turn.metrics.Refusal;
import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Map;

/**
 * Entry point for every frame a client sends (RFC 8656 §4–§12, RFC 6062 §5). ChannelData goes straight to the relay. A STUN
 * request is looked up in the transaction cache (a retransmission gets the cached answer), decoded (malformed → 400),
 * authenticated when its method needs it, checked for unknown comprehension-required attributes (420 with
 * UNKNOWN-ATTRIBUTES, after authentication as RFC 8489 §6.3.1 orders it) and handed to the handler of its method;
 * a method without a handler gets 400. Send indications go to their handler; other messages are dropped and counted.
 */
public final class TurnMessageDispatcher {
    private final TurnServices services;
    private final Authenticator authenticator;
    private final TurnResponder responder;
    private final ChannelDataRelay channelData;
    private final SendIndicationHandler sendIndications;
    private final Map<StunMethod, RequestHandler> handlers;

    public TurnMessageDispatcher(TurnServices services) {
        this.services = services;
        this.authenticator = new Authenticator(services);
        this.responder = services.responder();
        this.channelData = new ChannelDataRelay(services.metrics(), services.registry().hairpin());
        this.sendIndications = new SendIndicationHandler(services.metrics(), channelData);
        this.handlers = Map.of(
                StunMethod.BINDING, new BindingHandler(services),
                StunMethod.ALLOCATE, new AllocateHandler(services),
                StunMethod.REFRESH, new RefreshHandler(services),
                StunMethod.CREATE_PERMISSION, new CreatePermissionHandler(services),
                StunMethod.CHANNEL_BIND, new ChannelBindHandler(services),
                StunMethod.CONNECT, new ConnectHandler(services),
                StunMethod.CONNECTION_BIND, new ConnectionBindHandler(services));
    }

    /** The ChannelData hot path, for callers that have already found the allocation. */
    public ChannelDataRelay channelData() {
        return channelData;
    }

    /** Handles one frame from {@code connection}; never releases {@code frame}, never throws. */
    public void onFrame(ByteBuf frame, ClientConnection connection) {
        FrameKind kind = TurnFrameClassifier.classify(frame);
        if (kind == FrameKind.CHANNEL_DATA) {
            Allocation allocation = connection.allocation();
            if (allocation == null || allocation.state() != Allocation.State.LIVE) {
                services.metrics().dropped(DropReason.NO_ALLOCATION);
            } else {
                channelData.toPeer(allocation, frame);
            }
        } else if (kind == FrameKind.STUN && StunHeader.isStunMessage(frame)) {
            onStun(frame, connection);
        } else {
            services.metrics().dropped(DropReason.MALFORMED);
        }
    }

    private void onStun(ByteBuf frame, ClientConnection connection) {
        StunClass messageClass = StunHeader.messageClass(frame);
        if (messageClass == StunClass.INDICATION && StunHeader.methodCode(frame) == StunMethod.SEND.code()) {
            sendIndications.handle(frame, connection);
        } else if (messageClass == StunClass.REQUEST) {
            onRequest(frame, connection);
        } else {
            services.metrics().dropped(DropReason.UNEXPECTED);
        }
    }

    private void onRequest(ByteBuf frame, ClientConnection connection) {
        TransactionId id = StunHeader.transactionId(frame);
        byte[] cached = connection.transactions()
                .begin(connection.fiveTuple().client(), id, services.clock().nanoTime());
        if (cached != null) {
            if (cached.length > 0) {
                TurnResponder.resend(connection, cached);
            }
            return;
        }
        StunMessage message;
        try {
            message = StunDecoder.decode(frame);
        } catch (StunParseException e) {
            StunMethod method = StunMethod.valueOf(StunHeader.methodCode(frame));
            responder.error(new TurnRequest(new StunMessage(StunClass.REQUEST, method, id, List.of()), connection),
                    Refusal.BAD_REQUEST);
            return;
        }
        dispatch(new TurnRequest(message, connection), frame);
    }

    private void dispatch(TurnRequest request, ByteBuf frame) {
        RequestHandler handler = handlers.get(request.message().method());
        if (handler == null) {
            responder.error(request, Refusal.BAD_REQUEST);
            return;
        }
        if (handler.requiresAuthentication() && !authenticator.authenticate(request, frame)) {
            return;
        }
        List<StunAttributeType> unknown = request.message().unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            responder.error(request, Refusal.UNKNOWN_ATTRIBUTE, new UnknownAttributes(unknown));
            return;
        }
        handler.handle(request, frame);
    }
}
