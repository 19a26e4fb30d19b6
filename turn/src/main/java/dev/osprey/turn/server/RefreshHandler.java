package dev.osprey.turn.server;

import dev.osprey.stun.attribute.AddressFamily;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.RequestedAddressFamily;
import dev.osprey.turn.metrics.Refusal;

import java.util.List;
import java.util.Optional;

/**
 * Refresh (RFC 8656 §8.2), after authentication: no allocation on the 5-tuple → 437; a REQUESTED-ADDRESS-FAMILY other than
 * the allocation's → 443; LIFETIME 0 deletes the allocation at once, any other value sets the remaining lifetime
 * (clamped as for Allocate). The response carries the granted LIFETIME.
 */
public final class RefreshHandler extends AllocationRequestHandler {

    public RefreshHandler(TurnServices services) {
        super(services);
    }

    @Override
    protected void handle(TurnRequest request, Allocation allocation) {
        Optional<RequestedAddressFamily> family = request.message().attribute(RequestedAddressFamily.class);
        if (family.isPresent() && family.get().familyCode()
                != AddressFamily.of(allocation.relayAddress().getAddress()).code()) {
            responder.error(request, Refusal.PEER_ADDRESS_FAMILY_MISMATCH);
            return;
        }
        boolean delete = request.message().attribute(Lifetime.class).map(l -> l.seconds() == 0).orElse(false);
        long granted = 0;
        if (delete) {
            services.registry().delete(allocation);
        } else {
            granted = Lifetimes.granted(request.message(), services.config());
            allocation.expireIn(granted, services.clock().nanoTime());
        }
        responder.success(request, List.of(new Lifetime(granted)));
    }
}
