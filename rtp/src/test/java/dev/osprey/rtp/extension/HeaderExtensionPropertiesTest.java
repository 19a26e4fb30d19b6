package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of the RFC 8285 editor for both forms: what is put is read back, and nothing else changes. */
class HeaderExtensionPropertiesTest {

    record Element(int id, byte[] value) {
    }

    @Provide
    Arbitrary<List<Element>> oneByteElements() {
        return elements(14, 1, 16);
    }

    @Provide
    Arbitrary<List<Element>> anyElements() {
        return elements(255, 0, 40);
    }

    private static Arbitrary<List<Element>> elements(int maxId, int minLength, int maxLength) {
        Arbitrary<Element> element = Combinators.combine(
                Arbitraries.integers().between(1, maxId),
                Arbitraries.bytes().array(byte[].class).ofMinSize(minLength).ofMaxSize(maxLength))
                .as(Element::new);
        return element.list().ofMaxSize(12).uniqueElements(Element::id);
    }

    @Property(tries = 150)
    void oneByteRoundTrip(@ForAll("oneByteElements") List<Element> elements,
                          @ForAll byte[] payload, @ForAll @IntRange(max = 40) int headroom) {
        roundTrip(elements, payload, headroom, true);
    }

    @Property(tries = 150)
    void anyFormRoundTrip(@ForAll("anyElements") List<Element> elements,
                          @ForAll byte[] payload, @ForAll @IntRange(max = 40) int headroom) {
        boolean oneByte = elements.stream().allMatch(e -> e.id() <= 14 && e.value().length >= 1 && e.value().length <= 16);
        roundTrip(elements, payload, headroom, oneByte);
    }

    private static void roundTrip(List<Element> elements, byte[] payload, int headroom, boolean oneByte) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(headroom + 12 + payload.length);
        try {
            buf.writeZero(headroom);
            buf.readerIndex(headroom);
            RtpPacket.writeFixedHeader(buf, true, 96, 65535, -1, 0x12345678);
            buf.writeBytes(payload);
            RtpPacket packet = new RtpPacket().wrap(buf);
            HeaderExtensionEditor editor = new HeaderExtensionEditor().begin(packet);
            for (Element e : elements) {
                editor.put(e.id(), e.value());
            }
            editor.apply();
            assertElements(packet, elements, oneByte);
            assertFixedFieldsAndPayload(packet, payload);

            Map<Integer, Element> kept = new LinkedHashMap<>();
            editor.begin(packet);
            for (int i = 0; i < elements.size(); i++) {
                if (i % 2 == 0) {
                    editor.remove(elements.get(i).id());
                } else {
                    kept.put(elements.get(i).id(), elements.get(i));
                }
            }
            editor.apply();
            assertElements(packet, List.copyOf(kept.values()), null);
            assertFixedFieldsAndPayload(packet, payload);
            new RtpPacket().wrap(buf); // the buffer's readable bytes are the edited packet
        } finally {
            buf.release();
        }
    }

    private static void assertElements(RtpPacket packet, List<Element> elements, Boolean oneByte) {
        if (elements.isEmpty()) {
            assertThat(packet.hasExtension()).isFalse();
            return;
        }
        if (oneByte != null) {
            assertThat(packet.extensionForm()).isEqualTo(oneByte ? RtpPacket.FORM_ONE_BYTE : RtpPacket.FORM_TWO_BYTE);
        }
        int count = 0;
        for (int v = packet.firstExtensionElement(); v >= 0; v = packet.nextExtensionElement(v)) {
            count++;
        }
        assertThat(count).isEqualTo(elements.size());
        for (Element e : elements) {
            int v = packet.extensionValueIndex(e.id());
            assertThat(v).isNotNegative();
            assertThat(ByteBufUtil.getBytes(packet.buffer(), v, packet.extensionElementLength(v))).isEqualTo(e.value());
        }
    }

    private static void assertFixedFieldsAndPayload(RtpPacket packet, byte[] payload) {
        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequenceNumber()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(-1);
        assertThat(packet.ssrc()).isEqualTo(0x12345678);
        assertThat(ByteBufUtil.getBytes(packet.buffer(), packet.payloadOffset(), packet.payloadLength())).isEqualTo(payload);
        assertThat(packet.buffer().readerIndex()).isEqualTo(packet.offset());
        assertThat(packet.buffer().readableBytes()).isEqualTo(packet.length());
    }
}
