package dev.osprey.control.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.osprey.control.auth.EmailSender;
import dev.osprey.control.http.ApiRouter;

/** The {@code send_email} job: an {@link EmailSender.Message} as JSON, handed to the configured sender. */
public final class EmailJobs {

    public static final String SEND_EMAIL = "send_email";

    private EmailJobs() {
    }

    public static String payload(EmailSender.Message message) {
        try {
            return ApiRouter.JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an e-mail message always serialises", e);
        }
    }

    public static JobQueue.Handler handler(EmailSender sender) {
        return payload -> sender.send(ApiRouter.JSON.readValue(payload, EmailSender.Message.class));
    }
}
