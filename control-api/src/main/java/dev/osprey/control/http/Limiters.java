package dev.osprey.control.http;

import dev.osprey.control.ControlApiConfig;

import java.util.function.LongSupplier;

/** Bedrud's four per-IP limiters with their 429 messages (bedrud-api.md §2.0). */
public record Limiters(RateLimiter auth, RateLimiter resend, RateLimiter guest, RateLimiter api) {

    public static Limiters of(ControlApiConfig.RateLimit config, LongSupplier nanoTime) {
        return new Limiters(
                new RateLimiter(config.auth(), "too many requests, please try again later", nanoTime),
                new RateLimiter(config.resend(), "too many requests, please try again later", nanoTime),
                new RateLimiter(config.guest(), "too many guest join attempts", nanoTime),
                new RateLimiter(config.api(), "too many requests", nanoTime));
    }
}
