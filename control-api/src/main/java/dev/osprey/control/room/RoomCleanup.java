package dev.osprey.control.room;

import dev.osprey.control.ControlContext;
import dev.osprey.control.db.Room;
import dev.osprey.control.uploads.UploadFiles;
import dev.osprey.signaling.api.RoomServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending a room (delete, suspend, admin close, scheduler): tell the participants on the {@code system} topic,
 * delete the media room, mark everyone left and update the row. Media-server failures are logged and do not keep
 * the database in a half-ended state.
 */
public final class RoomCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(RoomCleanup.class);

    /** What happens to the row. */
    public enum Fate { ARCHIVE, SUSPEND, DEACTIVATE, HARD_DELETE }

    private final ControlContext ctx;
    private final MediaRooms media;

    public RoomCleanup(ControlContext ctx, MediaRooms media) {
        this.ctx = ctx;
        this.media = media;
    }

    public void end(Room room, String event, String message, Fate fate) {
        try {
            media.systemQuietly(room.name(), MediaRooms.notice(event, message), null);
            media.deleteQuietly(room.name());
        } catch (RoomServiceException e) {
            LOG.warn("media room cleanup failed: room={} event={}", room.name(), event, e);
        }
        long now = ctx.now();
        ctx.store().participants().markAllLeft(room.id(), now);
        switch (fate) {
            case ARCHIVE -> ctx.store().rooms().archive(room.id(), now);
            case SUSPEND -> ctx.store().rooms().suspend(room.id(), now);
            case DEACTIVATE -> ctx.store().rooms().setActive(room.id(), false, now);
            case HARD_DELETE -> {
                ctx.store().rooms().delete(room.id());
                try {
                    new UploadFiles(ctx.config().uploads().dir()).deleteChatOf(room.id());
                } catch (java.io.UncheckedIOException e) {
                    LOG.warn("chat uploads of a deleted room left on disk: room={}", room.id(), e);
                }
            }
        }
    }
}
