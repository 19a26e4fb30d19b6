package dev.osprey.control.support;

import dev.osprey.control.auth.EmailSender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every message so tests can follow verification and reset links. */
public final class CapturingEmailSender implements EmailSender {

    public final List<Message> messages = new CopyOnWriteArrayList<>();

    @Override
    public void send(Message message) {
        messages.add(message);
    }

    /** The token of the newest link of this kind sent to {@code to}. */
    public String lastToken(String kind, String to) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.kind().equals(kind) && m.to().equals(to) && m.link() != null) {
                return java.net.URLDecoder.decode(m.link().substring(m.link().indexOf("token=") + 6),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + kind + " mail to " + to);
    }
}
