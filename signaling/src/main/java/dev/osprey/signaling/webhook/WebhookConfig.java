package dev.osprey.signaling.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how webhooks are delivered (LiveKit's {@code webhook.urls} and {@code webhook.api_key}, whose secret
 * signs every request), with the delivery bounds LiveKit's notifier uses by default.
 *
 * @param urls               every event is POSTed to each
 * @param apiKey             the JWT's {@code iss}; receivers look the secret up by it
 * @param apiSecret          the HS256 key of the signature
 * @param maxQueuedPerTarget events waiting per URL before new ones are dropped (and counted in {@code num_dropped})
 * @param maxAttempts        deliveries tried per event, the first one included
 * @param initialBackoff     wait before the first retry; each further retry waits twice as long …
 * @param maxBackoff         … up to this
 * @param requestTimeout     one attempt's limit, connection included
 * @param userAgent          the {@code User-Agent} header
 */
public record WebhookConfig(List<URI> urls, String apiKey, String apiSecret, int maxQueuedPerTarget, int maxAttempts,
                            Duration initialBackoff, Duration maxBackoff, Duration requestTimeout, String userAgent) {

    /** LiveKit's per-resource queue depth. */
    public static final int DEFAULT_MAX_QUEUED = 200;
    /** go-retryablehttp's default: one try and four retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** What livekit-server sends, so that receivers filtering on it accept Osprey's requests. */
    public static final String DEFAULT_USER_AGENT = "LiveKit";

    public WebhookConfig {
        urls = List.copyOf(urls);
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("webhook URL must be absolute http(s): " + url);
            }
        }
        if (!urls.isEmpty() && (apiKey.isEmpty() || apiSecret.isEmpty())) {
            throw new IllegalArgumentException("webhook URLs need an API key and its secret to sign with");
        }
        if (maxQueuedPerTarget < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxQueuedPerTarget and maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || !requestTimeout.isPositive()) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff and a positive requestTimeout");
        }
    }

    /** The URLs and key with LiveKit's delivery defaults. */
    public static WebhookConfig of(List<URI> urls, String apiKey, String apiSecret) {
        return new WebhookConfig(urls, apiKey, apiSecret, DEFAULT_MAX_QUEUED, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_REQUEST_TIMEOUT, DEFAULT_USER_AGENT);
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} failed: exponential, capped. */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
