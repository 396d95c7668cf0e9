package dev.vetbench.checks.volumes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the storage probe read on the Docker host about one mount, in the order it read it: the probe path's
 * {@code /proc/self/mountinfo} line, the sysfs chain under its block device, the fscrypt policy of the directory
 * and, for ZFS, the dataset's properties. Recorded snapshots from real systems feed the same recognition as live
 * ones.
 *
 * @param probePath where the mount was bound inside the helper, e.g. {@code /probe}
 * @param reads what was read, in order
 */
public record HostStorageSnapshot(String probePath, List<Read> reads) {

    /** The prefix of a record header in the probe's output. */
    static final String RECORD_PREFIX = "VETBENCH-";
    /** The prefix of a content line in the probe's output. */
    static final String CONTENT_PREFIX = "| ";

    public HostStorageSnapshot {
        Objects.requireNonNull(probePath, "probePath");
        reads = List.copyOf(reads);
    }

    /** What kind of read a record holds. */
    public enum Kind {
        /** A file's lines. */
        READ,
        /** A symbolic link: subject is {@code path -> target}. */
        LINK,
        /** A directory's entries. */
        LIST,
        /** An ioctl and its answer ({@code ok HEX} or {@code error ERRNO TEXT}). */
        IOCTL,
        /** A command and its output. */
        RUN,
        /** Something the probe looked for and could not read, with the reason. */
        MISSING,
        /** The probe finished. */
        DONE
    }

    /**
     * One thing the probe read.
     *
     * @param kind the kind of read
     * @param subject the path (or ioctl, or command) read
     * @param content the raw lines
     */
    public record Read(Kind kind, String subject, List<String> content) {
        public Read {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            content = List.copyOf(content);
        }
    }

    /**
     * Parses the probe's output ({@code VETBENCH-KIND subject} headers, {@code | content} lines).
     *
     * @throws IllegalArgumentException when the output is not the probe's (e.g. a shell error), or it stopped
     *     before its {@code DONE} record
     */
    public static HostStorageSnapshot parse(String probePath, List<String> output) {
        List<Read> reads = new ArrayList<>();
        Kind kind = null;
        String subject = null;
        List<String> content = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith(RECORD_PREFIX)) {
                if (kind != null) {
                    reads.add(new Read(kind, subject, content));
                }
                int space = line.indexOf(' ');
                kind = kindOf(line.substring(RECORD_PREFIX.length(), space < 0 ? line.length() : space), line);
                subject = space < 0 ? "" : line.substring(space + 1);
                content = new ArrayList<>();
            } else if (line.startsWith(CONTENT_PREFIX) && kind != null) {
                content.add(line.substring(CONTENT_PREFIX.length()));
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("unexpected line from the storage probe: " + line);
            }
        }
        if (kind != Kind.DONE) {
            throw new IllegalArgumentException("the storage probe stopped before it finished");
        }
        reads.add(new Read(kind, subject, content));
        return new HostStorageSnapshot(probePath, reads);
    }

    private static Kind kindOf(String name, String line) {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unexpected record from the storage probe: " + line, e);
        }
    }

    /** The probe path's mountinfo line, when it was found. */
    public Optional<MountInfoLine> mountInfo() {
        return reads.stream().filter(r -> r.kind() == Kind.READ && r.subject().equals("/proc/self/mountinfo"))
            .flatMap(r -> r.content().stream()).findFirst().map(MountInfoLine::parse);
    }

    /** The first line of a file the probe read, e.g. {@code /sys/dev/block/253:1/dm/uuid}. */
    public Optional<String> file(String path) {
        return reads.stream().filter(r -> r.kind() == Kind.READ && r.subject().equals(path))
            .flatMap(r -> r.content().stream()).findFirst();
    }

    /** The entries of a directory the probe listed; empty when it did not list it. */
    public List<String> listing(String path) {
        return reads.stream().filter(r -> r.kind() == Kind.LIST && r.subject().equals(path)).findFirst()
            .map(Read::content).orElse(List.of());
    }

    /** The answer to an ioctl on the probe path, e.g. {@code ok 0201...} or {@code error 61 No data available}. */
    public Optional<String> ioctl(String name) {
        return reads.stream().filter(r -> r.kind() == Kind.IOCTL && r.subject().startsWith(name + " "))
            .flatMap(r -> r.content().stream()).findFirst();
    }

    /** The output of a command the probe ran whose line starts with {@code command}. */
    public Optional<Read> run(String command) {
        return reads.stream().filter(r -> r.kind() == Kind.RUN && r.subject().startsWith(command)).findFirst();
    }

    /** Whether the probe reported this thing as missing (subject starts with {@code what}). */
    public boolean missing(String what) {
        return reads.stream().anyMatch(r -> r.kind() == Kind.MISSING && r.subject().startsWith(what));
    }

    /** What the probe read, as evidence lines: each subject followed by its raw content. */
    public List<String> transcript() {
        List<String> lines = new ArrayList<>();
        for (Read read : reads) {
            if (read.kind() == Kind.DONE) {
                continue;
            }
            lines.add(read.kind().name().toLowerCase() + " " + read.subject());
            read.content().forEach(line -> lines.add("  " + line));
        }
        return lines;
    }
}
