package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The format-specific parameters of an {@code a=fmtp} line (RFC 8866 §6.15), in the {@code name=value;name=value}
 * form every WebRTC codec uses (RFC 7587 §7 opus, RFC 6184 §8.1 H.264, RFC 4588 §8.6 rtx). Order and spelling are
 * kept; look-ups ignore case, as the codec RFCs define parameter names case-insensitively. A parameter without
 * {@code =} (RED's {@code 111/111}, RFC 2198 §5; telephone-event's {@code 0-16}) has a {@code null} value.
 */
public record FormatParameters(List<Parameter> parameters) {

    /** No parameters. */
    public static final FormatParameters EMPTY = new FormatParameters(List.of());

    /**
     * One parameter.
     *
     * @param value text after the first {@code =}, or {@code null} when there is none
     */
    public record Parameter(String name, String value) {

        public Parameter {
            Checks.byteString(name, "fmtp parameter name");
            if (name.indexOf(';') >= 0 || name.indexOf('=') >= 0 || !name.strip().equals(name)) {
                throw new IllegalArgumentException("fmtp parameter name \"" + name + "\" has ';', '=' or spaces");
            }
            if (value != null && (value.indexOf(';') >= 0 || !value.strip().equals(value)
                    || !SdpScanner.isByteString(value))) {
                throw new IllegalArgumentException("fmtp parameter value \"" + value + "\" has ';' or spaces");
            }
        }

        String format() {
            return value == null ? name : name + '=' + value;
        }
    }

    public FormatParameters {
        parameters = List.copyOf(parameters);
    }

    /** {@code name=value} pairs in the given order: {@code of("apt", "96")}. */
    public static FormatParameters of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<Parameter> list = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Parameter(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new FormatParameters(list);
    }

    /** Parses {@code a=b;c=d}; spaces around separators and an empty trailing {@code ;} are tolerated. */
    public static FormatParameters parse(String text) {
        List<Parameter> list = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).strip();
            String value = eq < 0 ? null : item.substring(eq + 1).strip();
            if (name.isEmpty()) {
                throw new SdpParseException("a=fmtp: parameter \"" + item + "\" has no name");
            }
            list.add(Checks.parsed("a=fmtp", () -> new Parameter(name, value)));
        }
        return new FormatParameters(list);
    }

    /** The value of the first parameter called {@code name} (any case); empty also for a bare parameter. */
    public Optional<String> get(String name) {
        return parameters.stream().filter(p -> p.name.equalsIgnoreCase(name)).findFirst()
                .map(Parameter::value);
    }

    /** A decimal parameter; empty when absent or not a number. */
    public OptionalLong getLong(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty() || value.get().isEmpty() || value.get().length() > 18
                || !SdpScanner.all(value.get(), SdpScanner::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.get()));
    }

    /** Whether a parameter called {@code name} exists (any case). */
    public boolean contains(String name) {
        return parameters.stream().anyMatch(p -> p.name.equalsIgnoreCase(name));
    }

    /** A copy with {@code name} set to {@code value}: replaced in place if present, appended otherwise. */
    public FormatParameters with(String name, String value) {
        Objects.requireNonNull(name, "name");
        List<Parameter> list = new ArrayList<>(parameters);
        Parameter replacement = new Parameter(name, value);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name.equalsIgnoreCase(name)) {
                list.set(i, replacement);
                return new FormatParameters(list);
            }
        }
        list.add(replacement);
        return new FormatParameters(list);
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The {@code a=b;c=d} text. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Parameter p : parameters) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(p.format());
        }
        return out.toString();
    }
}
