package dev.osprey.signaling.webhook;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/** One POST of a signed webhook body; the stage yields the HTTP status, or fails when no answer came. */
@FunctionalInterface
public interface WebhookTransport {

    CompletionStage<Integer> post(URI url, byte[] body, String authorization);
}
