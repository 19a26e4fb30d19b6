package dev.osprey.control.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Names and types of chat files that are not images (Bedrud's {@code asFile} attachments): a display name with no
 * path and no control characters, a storage extension of at most eleven lowercase letters or digits, and a media type
 * from the content's signature or the extension — never one a browser would render as a page.
 */
final class ChatFileNames {

    private static final Map<String, String> BY_EXTENSION = Map.of(".txt", "text/plain", ".md", "text/plain",
            ".csv", "text/plain", ".log", "text/plain", ".json", "application/json", ".pdf", "application/pdf",
            ".zip", "application/zip", ".xdc", "application/zip", ".wasm", "application/wasm");

    private ChatFileNames() {
    }

    /** The last path element without control characters, at most 120 characters; {@code file.bin} when empty. */
    static String sanitize(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        StringBuilder b = new StringBuilder();
        base.codePoints().filter(c -> c >= 32 && c != 127).forEach(b::appendCodePoint);
        base = b.toString();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "file.bin";
        }
        if (base.length() > 120) {
            String ext = extensionOf(base);
            base = base.substring(0, Math.min(100, base.length() - ext.length())) + ext;
        }
        return base;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    /** The storage extension: lowercase letters and digits only, else {@code .bin}. */
    static String extension(String name) {
        String ext = extensionOf(name).toLowerCase(Locale.ROOT);
        if (ext.length() < 2 || ext.length() > 12 || !ext.substring(1).chars()
                .allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
            return ".bin";
        }
        return ext;
    }

    /** The media type: PDF and ZIP by signature, else by extension, else {@code application/octet-stream}. */
    static String mime(byte[] data, String name) {
        if (startsWith(data, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(data, "PK\u0003\u0004")) {
            return "application/zip";
        }
        return BY_EXTENSION.getOrDefault(extension(name == null ? "" : name), "application/octet-stream");
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (data.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (data[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
