package dev.osprey.signaling;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client listener that queues whole messages and the close, for tests to take in order. */
final class WsProbe implements WebSocket.Listener {

    record Closed(int code, String reason) { }

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        if (last) {
            events.add(binary.toByteArray());
            binary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            events.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        events.add(error);
    }

    /** The next message or close, failing the test after five seconds without one. */
    Object next() throws InterruptedException {
        Object event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no WebSocket event within 5 s");
        }
        return event;
    }

    <T> T next(Class<T> type) throws InterruptedException {
        Object event = next();
        if (!type.isInstance(event)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + event);
        }
        return type.cast(event);
    }
}
