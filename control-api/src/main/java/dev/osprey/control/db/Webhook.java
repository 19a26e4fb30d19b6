package dev.osprey.control.db;

import java.util.List;

/** An outbound webhook subscription ({@code webhooks}); the secret signs deliveries and is shown once. */
public record Webhook(String id, String name, String url, List<String> events, String secret, boolean active,
                      String createdBy, long createdAt, long updatedAt) {
    public Webhook {
        events = List.copyOf(events);
    }
}
