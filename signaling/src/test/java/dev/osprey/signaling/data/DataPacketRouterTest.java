package dev.osprey.signaling.data;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.RoomName;
import livekit.LivekitMetrics.MetricsBatch;
import livekit.LivekitModels.ActiveSpeakerUpdate;
import livekit.LivekitModels.ChatMessage;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DataStream;
import livekit.LivekitModels.EncryptedPacket;
import livekit.LivekitModels.RpcAck;
import livekit.LivekitModels.RpcRequest;
import livekit.LivekitModels.RpcResponse;
import livekit.LivekitModels.SipDTMF;
import livekit.LivekitModels.Transcription;
import livekit.LivekitModels.TranscriptionSegment;
import livekit.LivekitModels.UserPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay over real SCTP associations (in memory) between participants of a media-core room: what reaches whom, on
 * which channel, with which stamp, and what is dropped and counted.
 */
class DataPacketRouterTest {
    private final DataRoom room = new DataRoom();

    @AfterEach
    void tearDown() {
        room.close();
    }

    private static DataPacket user(String payload, String... destinations) {
        return DataPacket.newBuilder()
                .setUser(UserPacket.newBuilder().setPayload(ByteString.copyFromUtf8(payload)).setTopic("chat"))
                .addAllDestinationIdentities(List.of(destinations))
                .build();
    }

    @Test
    void aUserPacketReachesEveryoneElseStampedWithTheSenderOnTheChannelsReliability() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        DataRoom.Browser carol = room.join("carol");
        DataPacket forged = DataPacket.newBuilder()
                .setKind(DataPacket.Kind.LOSSY)
                .setParticipantIdentity("mallory").setParticipantSid("PA_forged")
                .setUser(UserPacket.newBuilder().setPayload(ByteString.copyFromUtf8("hi")).setTopic("chat")
                        .setParticipantIdentity("mallory").setParticipantSid("PA_forged"))
                .setSequence(1)
                .build();

        alice.send("_reliable", forged);

        for (DataRoom.Browser receiver : List.of(bob, carol)) {
            List<DataPacket> got = receiver.received("_reliable");
            assertThat(got).hasSize(1);
            DataPacket p = got.get(0);
            assertThat(p.getKind()).isEqualTo(DataPacket.Kind.RELIABLE);
            assertThat(p.getParticipantIdentity()).isEqualTo("alice");
            assertThat(p.getParticipantSid()).isEqualTo(alice.sid());
            assertThat(p.getUser().getParticipantIdentity()).isEqualTo("alice");
            assertThat(p.getUser().getParticipantSid()).isEqualTo(alice.sid());
            assertThat(p.getUser().getPayload().toStringUtf8()).isEqualTo("hi");
            assertThat(p.getUser().getTopic()).isEqualTo("chat");
            assertThat(p.getSequence()).isEqualTo(1);
        }
        assertThat(alice.received()).as("never back to the sender").isEmpty();
        assertThat(room.counter("osprey.signaling.data.messages.in", "kind", "reliable")).isEqualTo(1);
        assertThat(room.counter("osprey.signaling.data.messages.out", "kind", "reliable")).isEqualTo(2);
    }

    @Test
    void aLossyPacketGoesOutOnTheLossyChannels() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");

        alice.send("_lossy", user("fast"));

        List<DataPacket> got = bob.received("_lossy");
        assertThat(got).extracting(p -> p.getUser().getPayload().toStringUtf8()).containsExactly("fast");
        assertThat(got.get(0).getKind()).isEqualTo(DataPacket.Kind.LOSSY);
        assertThat(bob.received("_reliable")).isEmpty();
        assertThat(room.counter("osprey.signaling.data.bytes.out", "kind", "lossy")).isPositive();
    }

    @Test
    void destinationIdentitiesLimitWhoReceives() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        DataRoom.Browser carol = room.join("carol");

        alice.send("_reliable", user("only bob", "bob"));
        // the deprecated UserPacket list is honoured too, and mirrored into the packet's own list
        alice.send("_reliable", DataPacket.newBuilder().setUser(UserPacket.newBuilder()
                .setPayload(ByteString.copyFromUtf8("only carol")).addDestinationIdentities("carol")).build());
        alice.send("_reliable", DataPacket.newBuilder().setUser(UserPacket.newBuilder()
                .setPayload(ByteString.copyFromUtf8("bob by sid")).addDestinationSids(bob.sid())).build());
        alice.send("_reliable", user("to nobody here", "dave"));
        alice.send("_reliable", user("not to myself", "alice"));

        assertThat(bob.received()).extracting(p -> p.getUser().getPayload().toStringUtf8())
                .containsExactly("only bob", "bob by sid");
        List<DataPacket> carols = carol.received();
        assertThat(carols).extracting(p -> p.getUser().getPayload().toStringUtf8()).containsExactly("only carol");
        assertThat(carols.get(0).getDestinationIdentitiesList()).containsExactly("carol");
        assertThat(bob.received().get(0).getUser().getDestinationIdentitiesList()).containsExactly("bob");
        assertThat(alice.received()).isEmpty();
        assertThat(room.dropped("no_recipient")).isEqualTo(2);
    }

    @Test
    void aParticipantWithoutCanPublishDataReachesNobody() {
        ParticipantPermission noData = new ParticipantPermission(true, true, false, Set.of(), false, false);
        DataRoom.Browser mallory = room.join("mallory", noData);
        DataRoom.Browser bob = room.join("bob");
        DataRoom.Browser alice = room.join("alice");

        mallory.send("_reliable", user("spam"));
        mallory.send("_lossy", user("spam"));
        alice.send("_reliable", user("allowed"));
        alice.session.updatePermission(noData);
        alice.send("_reliable", user("revoked"));

        assertThat(bob.received()).extracting(p -> p.getUser().getPayload().toStringUtf8()).containsExactly("allowed");
        assertThat(mallory.received()).as("it still receives").hasSize(1);
        assertThat(room.dropped("not_permitted")).isEqualTo(3);
    }

    @Test
    void malformedMessagesAreDroppedAndCountedWithoutDisturbingTheRoom() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");

        alice.publisher.send("_reliable", new byte[] {(byte) 0x0A, (byte) 0x05, 1, 2}); // length past the end
        alice.publisher.send("_reliable", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}); // truncated varint
        alice.publisher.send("_reliable", new byte[] {0x12, 0x02, 0x0A}); // user with a broken inner field
        alice.publisher.send("_lossy", "not protobuf at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        alice.send("_reliable", user("still works"));

        assertThat(bob.received()).extracting(p -> p.getUser().getPayload().toStringUtf8())
                .containsExactly("still works");
        assertThat(room.dropped("malformed")).isEqualTo(4);
    }

    @Test
    void everyKindLivekitClientSendsIsForwardedAsItIsApartFromTheStamp() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        List<DataPacket> sent = List.of(
                DataPacket.newBuilder().setChatMessage(ChatMessage.newBuilder().setId("c1").setMessage("hello")
                        .setTimestamp(1_700_000_000_000L)).build(),
                DataPacket.newBuilder().setRpcRequest(RpcRequest.newBuilder().setId("r1").setMethod("greet")
                        .setPayload("{}").setResponseTimeoutMs(10_000).setVersion(1)).build(),
                DataPacket.newBuilder().setRpcAck(RpcAck.newBuilder().setRequestId("r1")).build(),
                DataPacket.newBuilder().setRpcResponse(RpcResponse.newBuilder().setRequestId("r1")
                        .setPayload("hi")).build(),
                DataPacket.newBuilder().setStreamHeader(DataStream.Header.newBuilder().setStreamId("s1")
                        .setTopic("files").setMimeType("application/octet-stream").setTotalLength(3)
                        .setByteHeader(DataStream.ByteHeader.newBuilder().setName("f.bin"))).build(),
                DataPacket.newBuilder().setStreamChunk(DataStream.Chunk.newBuilder().setStreamId("s1")
                        .setChunkIndex(0).setContent(ByteString.copyFrom(new byte[] {1, 2, 3}))).build(),
                DataPacket.newBuilder().setStreamTrailer(DataStream.Trailer.newBuilder().setStreamId("s1")).build(),
                DataPacket.newBuilder().setMetrics(MetricsBatch.newBuilder().setTimestampMs(42)).build(),
                DataPacket.newBuilder().setSipDtmf(SipDTMF.newBuilder().setCode(1).setDigit("1")).build(),
                DataPacket.newBuilder().setTranscription(Transcription.newBuilder()
                        .setTranscribedParticipantIdentity("alice").setTrackId("TR_x")
                        .addSegments(TranscriptionSegment.newBuilder().setId("t1").setText("hello").setFinal(true)))
                        .build(),
                DataPacket.newBuilder().setEncryptedPacket(EncryptedPacket.newBuilder().setKeyIndex(2)
                        .setIv(ByteString.copyFrom(new byte[12])).setEncryptedValue(ByteString.copyFromUtf8("x")))
                        .build());

        for (DataPacket p : sent) {
            alice.send("_reliable", p);
        }

        List<DataPacket> got = bob.received("_reliable");
        assertThat(got).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++) {
            DataPacket expected = sent.get(i).toBuilder().setKind(DataPacket.Kind.RELIABLE)
                    .setParticipantSid(alice.sid()).setParticipantIdentity("alice").build();
            assertThat(got.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void aKindNewerThanThisProtocolIsForwardedWithItsUnknownFieldsWhileEmptyAndServerOnlyPacketsAreNot() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        DataPacket future = DataPacket.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(40, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("new"))
                        .build()).build()).build();

        alice.send("_reliable", future);
        alice.send("_reliable", DataPacket.newBuilder().setKind(DataPacket.Kind.RELIABLE).build());
        alice.send("_reliable", DataPacket.newBuilder().setSpeaker(ActiveSpeakerUpdate.getDefaultInstance()).build());

        List<DataPacket> got = bob.received();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getUnknownFields().hasField(40)).isTrue();
        assertThat(got.get(0).getParticipantIdentity()).isEqualTo("alice");
        assertThat(room.dropped("empty")).isEqualTo(1);
        assertThat(room.dropped("server_only")).isEqualTo(1);
    }

    @Test
    void aHiddenSendersIdentityIsNotRevealed() {
        DataRoom.Browser ghost = room.join("ghost", new ParticipantPermission(true, true, true, Set.of(), true, false));
        DataRoom.Browser bob = room.join("bob");

        ghost.send("_reliable", user("boo"));

        DataPacket p = bob.received().get(0);
        assertThat(p.getParticipantIdentity()).isEmpty();
        assertThat(p.getUser().getParticipantIdentity()).isEmpty();
        assertThat(p.getUser().getParticipantSid()).isEmpty();
        assertThat(p.getParticipantSid()).isEqualTo(ghost.sid());
    }

    @Test
    void aReliableResendWithASequenceAlreadyRelayedIsDropped() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");

        alice.send("_reliable", user("one").toBuilder().setSequence(1).build());
        alice.send("_reliable", user("two").toBuilder().setSequence(2).build());
        alice.send("_reliable", user("two again").toBuilder().setSequence(2).build());
        alice.send("_reliable", user("three").toBuilder().setSequence(3).build());
        alice.send("_lossy", user("lossy is not numbered").toBuilder().setSequence(1).build());

        assertThat(bob.received("_reliable")).extracting(p -> p.getUser().getPayload().toStringUtf8())
                .containsExactly("one", "two", "three");
        assertThat(bob.received("_lossy")).hasSize(1);
        assertThat(room.router.lastReliableSequence(alice.session)).isEqualTo(3);
        assertThat(room.dropped("duplicate")).isEqualTo(1);
    }

    @Test
    void theServerSendsToTheWholeRoomOrToNamedParticipants() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        DataPacket system = DataPacket.newBuilder().setUser(UserPacket.newBuilder().setTopic("system")
                .setPayload(ByteString.copyFromUtf8("muted by host"))).build();

        assertThat(room.router.sendFromServer(DataRoom.ROOM, system, Set.of(), true)).isEqualTo(2);
        assertThat(room.router.sendFromServer(DataRoom.ROOM, system, Set.of("bob"), false)).isEqualTo(1);
        assertThat(room.router.sendFromServer(new RoomName("elsewhere"), system, Set.of(), true)).isZero();

        assertThat(alice.received("_reliable")).hasSize(1);
        assertThat(alice.received("_lossy")).isEmpty();
        DataPacket toBob = bob.received("_lossy").get(0);
        assertThat(toBob.getKind()).isEqualTo(DataPacket.Kind.LOSSY);
        assertThat(toBob.getDestinationIdentitiesList()).containsExactly("bob");
        assertThat(toBob.getUser().getTopic()).isEqualTo("system");
        assertThat(toBob.getParticipantIdentity()).isEmpty();
        assertThat(room.dropped("no_room")).isEqualTo(1);
    }

    @Test
    void aParticipantThatLeftIsNoLongerADestinationAndAttachingTwiceChangesNothing() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        room.router.attach(bob.session);
        assertThat(room.router.attachedCount(DataRoom.ROOM)).isEqualTo(2);

        bob.session.leave(DisconnectReason.CLIENT_INITIATED);

        assertThat(room.router.attachedCount(DataRoom.ROOM)).isEqualTo(1);
        assertThat(room.router.sendFromServer(DataRoom.ROOM, user("x"), Set.of(), true)).isEqualTo(1);
        alice.session.leave(DisconnectReason.CLIENT_INITIATED);
        assertThat(room.router.attachedCount(DataRoom.ROOM)).isZero();
    }

    @Test
    void dataTrackFramesAreNotTakenForDataPackets() {
        DataRoom.Browser alice = room.join("alice");
        DataRoom.Browser bob = room.join("bob");
        alice.publisher.open("_data_track", dev.osprey.sctp.datachannel.ChannelOptions.LOSSY);

        alice.publisher.send("_data_track", user("looks like a packet").toByteArray());

        assertThat(bob.received()).isEmpty();
        assertThat(room.dropped("data_track")).isEqualTo(1);
    }
}
