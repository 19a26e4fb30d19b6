package dev.osprey.media.forward;

import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.codec.Vp8Descriptor;
import dev.osprey.rtp.extension.AbsSendTime;
import dev.osprey.rtp.extension.HeaderExtensionEditor;
import dev.osprey.rtp.extension.TransportSequenceNumber;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Makes the one pooled copy a subscriber gets of a packet and rewrites its header for that subscriber: SSRC, payload
 * type, sequence number and timestamp (RFC 3550 §5.1), header extension IDs renumbered to the subscriber's
 * negotiated IDs with the elements it did not negotiate removed (RFC 8285, through the rtp module's editor), Osprey's
 * own abs-send-time and a transport-wide sequence number slot added when negotiated, and the VP8 PictureID and
 * TL0PICIDX rewritten (RFC 7741 §4.2). The copy leaves headroom so that a growing extension block moves only the
 * header, and tail room for the SRTP tag.
 *
 * <p>The transport-wide sequence number is written as 0 here: it must count packets in the order the transport sends
 * them, so the transport stamps it ({@link TransportSequenceNumber#write}) just before encrypting.
 *
 * <p>One instance per event loop (its flyweights and the editor's scratch are reused); not thread-safe.
 */
public final class EgressRewriter {
    private final int headroom;
    private final int tailroom;
    private final RtpPacket view = new RtpPacket();
    private final HeaderExtensionEditor editor = new HeaderExtensionEditor();
    private final Vp8Descriptor vp8 = new Vp8Descriptor();

    /**
     * @param headroomBytes bytes before the packet for extension growth (32 covers every element Osprey adds)
     * @param tailroomBytes bytes after the packet for the SRTP authentication tag
     */
    public EgressRewriter(int headroomBytes, int tailroomBytes) {
        this.headroom = headroomBytes;
        this.tailroom = tailroomBytes;
    }

    /**
     * Copies {@code source} once into a buffer from {@code allocator} and rewrites it. Returns {@code null}, having
     * allocated nothing, when the subscriber has no payload type for it.
     *
     * @param pictureId  the rewritten VP8 PictureID, or -1 to leave it
     * @param tl0PicIdx  the rewritten VP8 TL0PICIDX, or -1 to leave it
     * @param nowNanos   send time for abs-send-time
     */
    public ByteBuf write(RtpPacket source, SenderParameters parameters, int ssrc, int sequenceNumber, int timestamp,
                         int pictureId, int tl0PicIdx, ByteBufAllocator allocator, long nowNanos) {
        int payloadType = parameters.payloadType(source.payloadType());
        if (payloadType < 0) {
            return null;
        }
        ByteBuf copy = allocator.directBuffer(headroom + source.length() + tailroom);
        try {
            copy.setIndex(headroom, headroom);
            copy.writeBytes(source.buffer(), source.offset(), source.length());
            view.wrap(copy);
            view.setSsrc(ssrc);
            view.setPayloadType(payloadType);
            view.setSequenceNumber(sequenceNumber);
            view.setTimestamp(timestamp);
            rewriteExtensions(parameters, nowNanos);
            if (pictureId >= 0 || tl0PicIdx >= 0) {
                rewriteVp8(pictureId, tl0PicIdx);
            }
            return copy;
        } catch (RuntimeException e) {
            copy.release();
            throw e;
        }
    }

    private void rewriteExtensions(SenderParameters parameters, long nowNanos) {
        boolean interpretable = !view.hasExtension() || view.extensionForm() != RtpPacket.FORM_NONE;
        if (!interpretable) {
            return; // a non-RFC 8285 block cannot be renumbered; it goes through untouched
        }
        if (parameters.addsExtensions()) {
            editor.begin(view).renumber(parameters.extensionIds());
            if (parameters.absSendTimeId() != 0) {
                editor.putInt(parameters.absSendTimeId(), AbsSendTime.fromNanos(nowNanos), AbsSendTime.LENGTH);
            }
            if (parameters.transportSequenceId() != 0) {
                editor.putInt(parameters.transportSequenceId(), 0, TransportSequenceNumber.LENGTH);
            }
            editor.apply();
        } else if (view.hasExtension() && !HeaderExtensionEditor.renumberInPlace(view, parameters.extensionIds())) {
            editor.begin(view).renumber(parameters.extensionIds()).apply();
        }
    }

    private void rewriteVp8(int pictureId, int tl0PicIdx) {
        if (!vp8.tryWrap(view)) {
            return; // the source's descriptor was validated on receipt; a copy cannot differ
        }
        if (pictureId >= 0) {
            vp8.setPictureId(pictureId);
        }
        if (tl0PicIdx >= 0) {
            vp8.setTl0PicIdx(tl0PicIdx);
        }
    }

    public int headroom() {
        return headroom;
    }

    public int tailroom() {
        return tailroom;
    }
}
