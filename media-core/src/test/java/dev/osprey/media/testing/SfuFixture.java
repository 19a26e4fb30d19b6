package dev.osprey.media.testing;

import dev.osprey.media.ManualClock;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.Participant;
import dev.osprey.media.room.RoomRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A room on one manual loop with a manual clock: a publisher whose transport is a {@link RecordingSink} and any number
 * of subscribers with their own sinks; packets are fed to the publisher's media entry point as the transport would.
 */
public final class SfuFixture implements AutoCloseable {
    public static final int SSRC_Q = 0x1001;
    public static final int SSRC_H = 0x1002;
    public static final int SSRC_F = 0x1003;
    public static final int RTX_Q = 0x2001;
    public static final int SSRC_AUDIO = 0x3001;

    public final ManualClock clock = new ManualClock();
    public final MediaLoop loop = MediaLoop.manual(clock);
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final RoomRegistry rooms;
    public final ParticipantSession publisher;
    public final RecordingSink publisherSink;
    public final List<ParticipantSession> subscribers = new ArrayList<>();
    public final List<RecordingSink> subscriberSinks = new ArrayList<>();
    public final List<List<SubscriptionInfo>> subscriptions = new ArrayList<>();
    private final MediaCoreConfig config;
    private final SyntheticRtp rtp = new SyntheticRtp();
    private int twcc;

    public SfuFixture(MediaCoreConfig config, RoomListener listener) {
        this.config = config;
        this.rooms = new RoomRegistry(config, listener, clock, clock, new SplittableRandom(3),
                MediaLoopGroup.of(List.of(loop)), meters);
        this.publisher = rooms.join(new RoomName("room"), JoinRequest.of("publisher"), SubscriptionListener.NONE);
        this.publisherSink = new RecordingSink(config.srtpTailroomBytes());
        participant(publisher).publisherMedia().attach(publisherSink);
    }

    public SfuFixture() {
        this(MediaCoreConfig.DEFAULT, new RoomListener() { });
    }

    public static Participant participant(ParticipantSession session) {
        return (Participant) session;
    }

    /** Joins a subscriber with its own sink; its subscriptions are recorded. */
    public int addSubscriber(String identity) {
        List<SubscriptionInfo> subs = new ArrayList<>();
        ParticipantSession s = rooms.join(new RoomName("room"), JoinRequest.of(identity), new SubscriptionListener() {
            @Override
            public void trackSubscribed(SubscriptionInfo subscription, TrackInfo track) {
                subs.add(subscription);
            }

            @Override
            public void trackUnsubscribed(TrackId track) {
                subs.removeIf(x -> x.track().equals(track));
            }
        });
        RecordingSink sink = new RecordingSink(config.srtpTailroomBytes());
        participant(s).subscriberMedia().attach(sink);
        subscribers.add(s);
        subscriberSinks.add(sink);
        subscriptions.add(subs);
        return subscribers.size() - 1;
    }

    /** Publishes the VP8 simulcast camera and negotiates it on mid "1". */
    public TrackInfo publishCamera() {
        TrackInfo info = publisher.publisher().publish(MediaParameters.cameraRequest());
        publisher.publisher().negotiated(info.id(), MediaParameters.publishedVideo("1"));
        return info;
    }

    /** Publishes the microphone and negotiates it on mid "0". */
    public TrackInfo publishMicrophone() {
        TrackInfo info = publisher.publisher().publish(TrackPublishRequest.audio("mic-cid", TrackSource.MICROPHONE));
        publisher.publisher().negotiated(info.id(), MediaParameters.publishedAudio("0"));
        return info;
    }

    public void negotiateVideo(int subscriber, TrackId track, boolean rtx) {
        subscribers.get(subscriber).subscriber().negotiated(track, MediaParameters.subscribedVideo("v" + subscriber, rtx));
    }

    public void negotiateAudio(int subscriber, TrackId track) {
        subscribers.get(subscriber).subscriber().negotiated(track, MediaParameters.subscribedAudio("a" + subscriber));
    }

    public SubscriptionInfo subscription(int subscriber, TrackId track) {
        return subscriptions.get(subscriber).stream().filter(s -> s.track().equals(track)).findFirst().orElseThrow();
    }

    /** Sends one VP8 packet of layer {@code rid} (q, h or f) the way Chrome does: MID, RID and transport-cc. */
    public void video(String rid, int seq, int ts, boolean keyframe, boolean startOfFrame, int pictureId, int tl0) {
        video(rid, seq, ts, keyframe, startOfFrame, pictureId, tl0, 20);
    }

    /** {@link #video} with {@code bodyBytes} bytes of VP8 payload after the descriptor. */
    public void video(String rid, int seq, int ts, boolean keyframe, boolean startOfFrame, int pictureId, int tl0,
                      int bodyBytes) {
        int ssrc = switch (rid) {
            case "q" -> SSRC_Q;
            case "h" -> SSRC_H;
            default -> SSRC_F;
        };
        rtp.noExtensions().pt(MediaParameters.PUB_VP8).seq(seq).ts(ts).ssrc(ssrc).marker(false).padding(0)
                .ext(MediaParameters.PUB_MID, "1").ext(MediaParameters.PUB_RID, rid)
                .ext(MediaParameters.PUB_TWCC, SyntheticRtp.transportSequence(twcc++))
                .ext(MediaParameters.PUB_CAPTURE_TIME, new byte[8])
                .payload(SyntheticRtp.vp8(startOfFrame, keyframe, pictureId, tl0, bodyBytes));
        deliver();
    }

    /** Sends one Opus packet with an audio level. */
    public void audio(int seq, int ts, int levelDbov) {
        rtp.noExtensions().pt(MediaParameters.OPUS).seq(seq).ts(ts).ssrc(SSRC_AUDIO).marker(false).padding(0)
                .ext(MediaParameters.PUB_MID, "0").ext(MediaParameters.PUB_AUDIO_LEVEL, SyntheticRtp.audioLevel(levelDbov, true))
                .ext(MediaParameters.PUB_TWCC, SyntheticRtp.transportSequence(twcc++))
                .payload(new byte[] {(byte) 0xFC, 1, 2, 3, 4, 5});
        deliver();
    }

    /** The builder, for packets the helpers do not cover; {@link #deliver()} sends its result. */
    public SyntheticRtp rtp() {
        return rtp;
    }

    public void deliver() {
        participant(publisher).publisherMedia().onRtp(rtp.build(), clock.nanos());
    }

    public void tick() {
        loop.ticker().tick();
    }

    @Override
    public void close() {
        rooms.close();
    }
}
