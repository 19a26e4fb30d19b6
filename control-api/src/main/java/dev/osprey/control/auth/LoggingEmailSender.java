package dev.osprey.control.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sender: logs that a message would go out, without its link (links are bearer secrets). */
public final class LoggingEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingEmailSender.class);

    @Override
    public void send(Message message) {
        LOG.info("email not sent (no mail transport configured): kind={} to={} subject={}", message.kind(),
                message.to(), message.subject());
    }

    @Override
    public boolean isConfigured() {
        return false;
    }
}
