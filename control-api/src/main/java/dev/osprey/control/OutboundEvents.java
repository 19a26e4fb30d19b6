package dev.osprey.control;

/**
 * The events Bedrud dispatches to admin-configured outbound webhooks ({@code room.created}, {@code room.ended},
 * {@code participant.joined}); delivery is asynchronous and never fails the request that caused it.
 */
@FunctionalInterface
public interface OutboundEvents {

    void dispatch(String event, String roomId, String roomName, String userId);

    OutboundEvents NONE = (event, roomId, roomName, userId) -> { };
}
