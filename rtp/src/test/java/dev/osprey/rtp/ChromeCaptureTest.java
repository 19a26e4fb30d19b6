package dev.osprey.rtp;

import dev.osprey.rtp.codec.H264Payload;
import dev.osprey.rtp.codec.Vp8Descriptor;
import dev.osprey.rtp.extension.AbsSendTime;
import dev.osprey.rtp.extension.AudioLevel;
import dev.osprey.rtp.extension.SdesItemExtension;
import dev.osprey.rtp.extension.TransportSequenceNumber;
import dev.osprey.rtp.nack.RtxPayload;
import dev.osprey.rtp.rtcp.ExtendedReport;
import dev.osprey.rtp.rtcp.ReceiverReport;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import dev.osprey.rtp.rtcp.RtcpPacketType;
import dev.osprey.rtp.rtcp.SenderReport;
import dev.osprey.rtp.rtcp.SourceDescription;
import dev.osprey.rtp.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chrome traffic (see the header of each capture file for how it was recorded and which extension IDs and
 * payload types were negotiated): every datagram must classify and parse, and what the packets say must agree with
 * the SDP and with each other (transport-wide sequence numbers consecutive in send order, the feedback reporting them
 * received, reports naming the streams that were sent, one picture ID per VP8 frame).
 */
class ChromeCaptureTest {
    private static final int AUDIO_LEVEL = 1;
    private static final int ABS_SEND_TIME = 2;
    private static final int TRANSPORT_CC = 3;
    private static final int MID = 4;

    record Datagram(String name, int sourcePort, int destinationPort, byte[] bytes) {
    }

    private final TestBuffers bufs = new TestBuffers();
    private final RtpPacket packet = new RtpPacket();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"chrome-vp8.txt, 96, 97", "chrome-h264.txt, 102, 103"})
    void everyDatagramParsesAndAgreesWithTheOthers(String resource, int videoPt, int rtxPt) throws IOException {
        List<Datagram> capture = load(resource);
        assertThat(capture).hasSizeGreaterThan(50);
        Map<Integer, Integer> mediaSsrcs = new HashMap<>(); // SSRC -> payload type
        List<Integer> transportSequences = new ArrayList<>();
        List<ByteBuf> rtcp = new ArrayList<>();
        Map<Integer, Integer> pictureIdByTimestamp = new HashMap<>();
        int videoPackets = 0;
        for (Datagram d : capture) {
            ByteBuf buf = bufs.bytes(d.bytes());
            PacketKind kind = PacketClassifier.classify(buf);
            assertThat(kind).as(d.name()).isIn(PacketKind.RTP, PacketKind.RTCP);
            if (kind == PacketKind.RTCP) {
                rtcp.add(buf);
                continue;
            }
            packet.wrap(buf);
            assertThat(packet.extensionForm()).as(d.name()).isEqualTo(RtpPacket.FORM_ONE_BYTE);
            assertThat(AbsSendTime.read(packet, ABS_SEND_TIME)).as(d.name()).isNotNegative();
            transportSequences.add(TransportSequenceNumber.read(packet, TRANSPORT_CC));
            mediaSsrcs.put(packet.ssrc(), packet.payloadType());
            int pt = packet.payloadType();
            if (pt == 111) {
                assertThat(AudioLevel.levelDbov(AudioLevel.read(packet, AUDIO_LEVEL))).isBetween(0, 127);
                assertThat(SdesItemExtension.read(packet, MID)).isEqualTo("0");
            } else {
                assertThat(SdesItemExtension.read(packet, MID)).as(d.name()).isEqualTo("1");
            }
            if (pt == videoPt) {
                videoPackets++;
                checkVideoPayload(d, videoPt, pictureIdByTimestamp);
            } else if (pt == rtxPt) {
                checkRtx(d, buf, videoPt, pictureIdByTimestamp);
            }
        }
        assertThat(videoPackets).isPositive();
        for (int i = 1; i < transportSequences.size(); i++) {
            assertThat(SequenceNumber.diff(transportSequences.get(i), transportSequences.get(i - 1)))
                    .as("transport-wide sequence numbers are consecutive in send order").isEqualTo(1);
        }
        checkRtcp(rtcp, mediaSsrcs.keySet(), new HashSet<>(transportSequences));
    }

    private void checkVideoPayload(Datagram d, int videoPt, Map<Integer, Integer> pictureIdByTimestamp) {
        if (videoPt == 96) {
            Vp8Descriptor vp8 = new Vp8Descriptor();
            vp8.wrap(packet);
            assertThat(vp8.hasPictureId()).as(d.name()).isTrue();
            assertThat(vp8.longPictureId()).isTrue();
            Integer earlier = pictureIdByTimestamp.putIfAbsent(packet.timestamp(), vp8.pictureId());
            if (earlier != null) {
                assertThat(vp8.pictureId()).as("one picture ID per frame, " + d.name()).isEqualTo(earlier);
            }
        } else {
            H264Payload h264 = new H264Payload();
            h264.wrap(packet);
            assertThat(h264.packetType()).as(d.name()).isIn(H264Payload.STAP_A, H264Payload.FU_A, 1, 5, 6, 7, 8, 9);
        }
    }

    private void checkRtx(Datagram d, ByteBuf buf, int videoPt, Map<Integer, Integer> pictureIdByTimestamp) {
        if (packet.payloadLength() == 0) {
            // a bandwidth probe: only padding
            assertThat(packet.hasPadding()).isTrue();
            assertThat(RtxPayload.originalSequenceNumber(packet)).isEqualTo(-1);
            return;
        }
        int osn = RtxPayload.originalSequenceNumber(packet);
        RtxPayload.restoreOriginal(packet, videoPt, 0x1234);
        assertThat(packet.sequenceNumber()).isEqualTo(osn);
        RtpPacket restored = new RtpPacket().wrap(buf);
        assertThat(restored.payloadType()).isEqualTo(videoPt);
        checkVideoPayload(d, videoPt, pictureIdByTimestamp);
    }

    private static void checkRtcp(List<ByteBuf> compounds, Set<Integer> mediaSsrcs, Set<Integer> sentTransportSequences) {
        RtcpCompoundReader reader = new RtcpCompoundReader();
        Set<String> cnames = new HashSet<>();
        int feedbacks = 0;
        int reports = 0;
        for (ByteBuf buf : compounds) {
            reader.wrap(buf);
            while (reader.next()) {
                switch (reader.packetType()) {
                    case RtcpPacketType.SR -> {
                        SenderReport sr = new SenderReport();
                        sr.wrap(reader);
                        assertThat(mediaSsrcs).contains(sr.ssrc());
                        assertThat(sr.packetCount()).isPositive();
                        reports++;
                    }
                    case RtcpPacketType.SDES -> {
                        SourceDescription sdes = new SourceDescription();
                        sdes.wrap(reader);
                        String cname = sdes.cname(sdes.chunkSsrc(sdes.firstChunk()));
                        assertThat(cname).isNotEmpty();
                        cnames.add(cname);
                    }
                    case RtcpPacketType.RR -> {
                        ReceiverReport rr = new ReceiverReport();
                        rr.wrap(reader);
                        for (int i = 0; i < rr.reportCount(); i++) {
                            assertThat(mediaSsrcs).contains(rr.blockSsrc(i));
                            assertThat(rr.fractionLost(i)).isZero(); // loopback loses nothing
                        }
                        reports++;
                    }
                    case RtcpPacketType.XR -> new ExtendedReport().wrap(reader);
                    case RtcpPacketType.RTPFB -> {
                        assertThat(reader.count()).isEqualTo(TransportFeedback.FMT);
                        TransportFeedback tf = new TransportFeedback();
                        tf.wrap(reader);
                        for (int i = 0; i < tf.statusCount(); i++) {
                            if (sentTransportSequences.contains(tf.sequenceNumber(i))) {
                                assertThat(tf.isReceived(i)).as("loopback delivers every packet").isTrue();
                            }
                        }
                        feedbacks++;
                    }
                    default -> {
                    }
                }
            }
        }
        assertThat(feedbacks).isPositive();
        assertThat(reports).isPositive();
        assertThat(cnames).hasSizeLessThanOrEqualTo(1);
    }

    static List<Datagram> load(String resource) throws IOException {
        List<Datagram> datagrams = new ArrayList<>();
        try (InputStream in = ChromeCaptureTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                String[] ports = fields[1].split("-");
                datagrams.add(new Datagram(fields[0], Integer.parseInt(ports[0]), Integer.parseInt(ports[1]),
                        TestBuffers.decode(fields[2])));
            }
        }
        return datagrams;
    }
}
