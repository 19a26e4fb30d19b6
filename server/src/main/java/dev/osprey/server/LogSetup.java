package dev.osprey.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import dev.osprey.server.config.LoggingSection;
import org.slf4j.LoggerFactory;

/** Applies {@code logging.level} and {@code logging.json} to the Logback configuration shipped in the jar. */
public final class LogSetup {
    private LogSetup() {
    }

    public static void apply(LoggingSection logging) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (tests): leave it alone
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(logging.level(), Level.INFO));
        if (logging.json()
                && context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("ASYNC")
                instanceof AsyncAppenderBase<ILoggingEvent> async
                && async.getAppender("CONSOLE") instanceof ConsoleAppender<ILoggingEvent> console) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }
}
