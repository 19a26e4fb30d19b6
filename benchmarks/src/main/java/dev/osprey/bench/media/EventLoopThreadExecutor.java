package dev.osprey.bench.media;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's worker threads as Netty {@code FastThreadLocalThread}s, selected with {@code -Djmh.executor=CUSTOM
 * -Djmh.executor.class=dev.osprey.bench.media.EventLoopThreadExecutor}. Media code runs on event loops, which are such
 * threads; Netty's {@code Recycler} pools buffer objects only there, so a plain JMH thread would show one discarded
 * {@code ByteBuf} wrapper per copy that production does not allocate.
 */
public final class EventLoopThreadExecutor extends ThreadPoolExecutor {
    /** The constructor JMH's custom executor support calls. */
    public EventLoopThreadExecutor(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory(prefix, true));
    }
}
