package dev.osprey.control.auth;

/**
 * Delivers the account e-mails (verification, password reset, welcome). Pluggable so that a deployment can hand them
 * to SMTP or a provider; the default only logs them. Messages are delivered from the job queue's worker thread
 * (retried on failure), and the admin test e-mail calls the sender directly with a 30 s limit.
 */
@FunctionalInterface
public interface EmailSender {

    /** One message: recipient, subject, plain-text body; {@code link} is the action URL when there is one. */
    record Message(String to, String subject, String body, String kind, String link) {
    }

    /** Delivers one message; an exception means it was not delivered (the job queue retries it). */
    void send(Message message);

    /** False for a sender that only logs: the admin test e-mail then reports that no transport is configured. */
    default boolean isConfigured() {
        return true;
    }
}
