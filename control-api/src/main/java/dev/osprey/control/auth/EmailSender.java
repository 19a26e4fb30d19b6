package dev.osprey.control.auth;

/**
 * Delivers the account e-mails (verification, password reset, welcome). Pluggable so that a deployment can hand them
 * to SMTP or a provider; the default only logs them. Implementations must not block for long: they run on a worker.
 */
@FunctionalInterface
public interface EmailSender {

    /** One message: recipient, subject, plain-text body; {@code link} is the action URL when there is one. */
    record Message(String to, String subject, String body, String kind, String link) {
    }

    void send(Message message);
}
