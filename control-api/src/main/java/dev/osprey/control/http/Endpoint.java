package dev.osprey.control.http;

/** One route's logic; runs on a worker thread (it may block on the database or the room service). */
@FunctionalInterface
public interface Endpoint {
    Reply handle(Call call);
}
