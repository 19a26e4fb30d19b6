package dev.osprey.control.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The upload directory: {@code avatars/<userId><ext>} and {@code chat/<roomId>/<userId>/<sha256><ext>}, as Bedrud lays
 * them out so that its URLs ({@code /uploads/avatars/...}, {@code /uploads/chat/...}) map onto files. Every name that
 * reaches the file system is checked against a strict pattern first; files are written to a temporary name and moved
 * into place, so a reader never sees half a file.
 */
public final class UploadFiles {

    /** Ids as this API issues them (UUIDs, {@code guest-xxxxxxxx}): nothing that could leave a directory. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}\\.[a-z0-9]{1,11}");
    static final List<String> AVATAR_EXTENSIONS = List.of(".png", ".jpg", ".gif", ".webp");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("xdc", "application/zip"));

    private final Path avatars;
    private final Path chat;

    public UploadFiles(Path root) {
        this.avatars = root.resolve("avatars").toAbsolutePath().normalize();
        this.chat = root.resolve("chat").toAbsolutePath().normalize();
    }

    public static boolean isSafeId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Stores a user's avatar, replacing one of another type; returns the file name. */
    public String saveAvatar(String userId, ImageProbe.Image image, byte[] data) {
        requireId(userId);
        for (String ext : AVATAR_EXTENSIONS) {
            if (!ext.equals(image.extension())) {
                deleteQuietly(avatars.resolve(userId + ext));
            }
        }
        String name = userId + image.extension();
        write(avatars.resolve(name), data);
        return name;
    }

    public void deleteAvatars(String userId) {
        if (isSafeId(userId)) {
            AVATAR_EXTENSIONS.forEach(ext -> deleteQuietly(avatars.resolve(userId + ext)));
        }
    }

    /** Stores a chat file under its content hash; returns its key {@code <roomId>/<userId>/<hash><ext>}. */
    public String saveChat(String roomId, String userId, String hash, String extension, byte[] data) {
        requireId(roomId);
        requireId(userId);
        String key = roomId + "/" + userId + "/" + hash + extension;
        Path file = chatFile(key).orElseThrow(() -> new IllegalArgumentException("unsafe chat key " + key));
        if (!Files.exists(file)) {
            write(file, data);
        }
        return key;
    }

    /** Removes every chat file of a room (when the room itself is deleted). */
    public void deleteChatOf(String roomId) {
        if (!isSafeId(roomId)) {
            return;
        }
        Path dir = chat.resolve(roomId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(UploadFiles::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove chat uploads of room " + roomId, e);
        }
    }

    /** The avatar file a URL path names ({@code <userId><ext>}), if the name is well formed. */
    public Optional<Path> avatarFile(String name) {
        return name != null && FILE.matcher(name).matches() ? Optional.of(avatars.resolve(name)) : Optional.empty();
    }

    /** The chat file of a key {@code <roomId>/<userId>/<file>}, if every part is well formed. */
    public Optional<Path> chatFile(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        if (parts.length != 3 || !isSafeId(parts[0]) || !isSafeId(parts[1]) || !FILE.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        return Optional.of(chat.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]));
    }

    /** The media type served for a stored file, by its extension. */
    public static String contentType(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void requireId(String id) {
        if (!isSafeId(id)) {
            throw new IllegalArgumentException("unsafe id " + id);
        }
    }

    private static void write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
            try {
                Files.write(tmp, data);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store upload " + file.getFileName(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file that cannot be removed now is left for the operator; the reference to it is gone either way
        }
    }
}
