package dev.osprey.signaling.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Chromium descriptions under {@code src/test/resources/dev/osprey/signaling/sdp/chromium} (see its README). */
public final class CapturedSdp {

    public static final String PUBLISHER_OFFER = "publisher-offer.sdp";
    public static final String PUBLISHER_OFFER_GATHERED = "publisher-offer-gathered.sdp";
    public static final String DATA_CHANNEL_OFFER = "datachannel-offer.sdp";
    public static final String RECVONLY_OFFER = "recvonly-offer.sdp";
    public static final String CAMERA_OFFER = "camera-offer.sdp";
    public static final String PUBLISHER_ANSWER = "publisher-answer.sdp";
    public static final String SESSION2_PUBLISHER_OFFER = "session2-publisher-offer.sdp";
    public static final String SESSION2_OSPREY_ANSWER = "session2-osprey-publisher-answer.sdp";
    public static final String SESSION2_OSPREY_SUBSCRIBER_OFFER = "session2-osprey-subscriber-offer.sdp";
    public static final String SESSION2_SUBSCRIBER_ANSWER = "session2-subscriber-answer.sdp";

    public static final List<String> ALL = List.of(PUBLISHER_OFFER, PUBLISHER_OFFER_GATHERED, DATA_CHANNEL_OFFER,
            RECVONLY_OFFER, CAMERA_OFFER, PUBLISHER_ANSWER, SESSION2_PUBLISHER_OFFER, SESSION2_OSPREY_ANSWER,
            SESSION2_OSPREY_SUBSCRIBER_OFFER, SESSION2_SUBSCRIBER_ANSWER);

    private CapturedSdp() {
    }

    /** The file's text exactly as captured. */
    public static String text(String name) {
        try (InputStream in = CapturedSdp.class.getResourceAsStream("chromium/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource chromium/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SessionDescription parse(String name) {
        return SessionDescription.parse(text(name));
    }
}
