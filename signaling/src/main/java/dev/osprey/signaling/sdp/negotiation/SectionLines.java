package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.ConnectionData;
import dev.osprey.signaling.sdp.Flag;
import dev.osprey.signaling.sdp.Fmtp;
import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.Mid;
import dev.osprey.signaling.sdp.RtpMap;
import dev.osprey.signaling.sdp.Setup;

/** The lines server-written sections share, in the order browsers write them. */
final class SectionLines {

    private SectionLines() {
    }

    /** {@code c=}, ICE credentials, fingerprints, setup and mid (RFC 8829 §5.2.1, §5.3.1). */
    static void transport(MediaDescription.Builder section, TransportDescription transport, Setup setup, String mid) {
        section.add(ConnectionData.UNSPECIFIED_IP4);
        section.add(transport.ufrag()).add(transport.pwd());
        transport.fingerprints().forEach(section::add);
        section.add(setup).add(new Mid(mid));
    }

    /**
     * {@code a=rtpmap}, {@code a=rtcp-fb}, {@code a=fmtp} per codec, each followed by its RTX mapping
     * ({@code rtx/<clock rate>} with {@code apt}, RFC 4588 §8.1, §8.6).
     */
    static void codecs(MediaDescription.Builder section, Iterable<NegotiatedCodec> codecs) {
        for (NegotiatedCodec c : codecs) {
            section.add(c.codec().rtpMap(c.payloadType()));
            c.feedback().forEach(section::add);
            if (!c.codec().parameters().isEmpty()) {
                section.add(new Fmtp(c.payloadType(), c.codec().parameters()));
            }
            if (c.hasRtx()) {
                section.add(new RtpMap(c.rtxPayloadType(), RtpCodec.RTX, c.codec().clockRate(), 0));
                section.add(new Fmtp(c.rtxPayloadType(), FormatParameters.of("apt",
                        Integer.toString(c.payloadType()))));
            }
        }
    }

    /** Candidates, then {@code a=end-of-candidates} when the list is complete. */
    static void candidates(MediaDescription.Builder section, TransportDescription transport) {
        transport.candidates().forEach(section::add);
        if (transport.endOfCandidates()) {
            section.add(Flag.END_OF_CANDIDATES);
        }
    }
}
