package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast:<send|recv> <streams> [<recv|send> <streams>]} (RFC 8853 §5.1): the simulcast streams of a
 * media section, each a list of alternative rids (separated by {@code ,}), streams separated by {@code ;}, a
 * {@code ~} prefix marking a paused stream. Browsers write one rid per stream, e.g. {@code send q;h;f}.
 * A canonical description writes {@code send} before {@code recv}.
 *
 * @param send streams in the {@code send} direction, empty when absent
 * @param recv streams in the {@code recv} direction, empty when absent
 */
public record Simulcast(List<Layer> send, List<Layer> recv) implements SdpAttribute {

    public static final String NAME = "simulcast";

    /** One sc-id: a rid, optionally paused ({@code ~}). */
    public record Alternative(String rid, boolean paused) {

        public Alternative {
            if (!SdpScanner.all(rid, Rid::isRidChar)) {
                throw new IllegalArgumentException("simulcast rid \"" + rid + "\" is not alphanumeric/-/_");
            }
        }

        String format() {
            return paused ? '~' + rid : rid;
        }
    }

    /** One sc-alt-list: a simulcast stream and the rids that may carry it, in preference order. */
    public record Layer(List<Alternative> alternatives) {

        public Layer {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a simulcast stream needs at least one rid");
            }
        }

        /** A stream with a single, unpaused rid. */
        public static Layer of(String rid) {
            return new Layer(List.of(new Alternative(rid, false)));
        }

        /** The first (preferred) alternative. */
        public Alternative first() {
            return alternatives.get(0);
        }

        String format() {
            StringBuilder out = new StringBuilder();
            for (Alternative a : alternatives) {
                out.append(out.isEmpty() ? "" : ",").append(a.format());
            }
            return out.toString();
        }
    }

    public Simulcast {
        send = List.copyOf(send);
        recv = List.copyOf(recv);
        if (send.isEmpty() && recv.isEmpty()) {
            throw new IllegalArgumentException("a=simulcast needs send or recv streams");
        }
    }

    /** Parses the attribute value (after {@code "simulcast:"}). */
    public static Simulcast parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=simulcast");
        List<Layer> send = List.of();
        List<Layer> recv = List.of();
        for (int part = 0; part < 2 && !s.atEnd(); part++) {
            if (part == 1) {
                s.spaces("second direction");
                if (s.atEnd()) {
                    break;
                }
            }
            String token = s.run(SdpScanner::isAlphaNumeric, "direction");
            StreamDirection direction = StreamDirection.byToken(token);
            if (direction == null || !(direction == StreamDirection.SEND ? send : recv).isEmpty()) {
                throw s.fail(direction == null ? "expected send or recv, not \"" + token + "\""
                        : "direction " + token + " appears twice");
            }
            s.spaces("stream list");
            List<Layer> layers = layers(s);
            if (direction == StreamDirection.SEND) {
                send = layers;
            } else {
                recv = layers;
            }
        }
        s.end();
        List<Layer> sendLayers = send;
        List<Layer> recvLayers = recv;
        return Checks.parsed("a=simulcast", () -> new Simulcast(sendLayers, recvLayers));
    }

    /** The streams of {@code direction}. */
    public List<Layer> layers(StreamDirection direction) {
        return direction == StreamDirection.SEND ? send : recv;
    }

    /** The other side's view: send and recv swapped (RFC 8853 §5.3). */
    public Simulcast reversed() {
        return new Simulcast(recv, send);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder out = new StringBuilder();
        append(out, StreamDirection.SEND, send);
        append(out, StreamDirection.RECV, recv);
        return out.toString();
    }

    private static void append(StringBuilder out, StreamDirection direction, List<Layer> layers) {
        if (layers.isEmpty()) {
            return;
        }
        out.append(out.isEmpty() ? "" : " ").append(direction.token()).append(' ');
        for (int i = 0; i < layers.size(); i++) {
            out.append(i == 0 ? "" : ";").append(layers.get(i).format());
        }
    }

    private static List<Layer> layers(SdpScanner s) {
        List<Layer> layers = new ArrayList<>();
        do {
            List<Alternative> alternatives = new ArrayList<>();
            do {
                boolean paused = s.skip('~');
                alternatives.add(new Alternative(s.run(Rid::isRidChar, "rid"), paused));
            } while (s.skip(','));
            layers.add(new Layer(alternatives));
        } while (s.skip(';'));
        return layers;
    }
}
