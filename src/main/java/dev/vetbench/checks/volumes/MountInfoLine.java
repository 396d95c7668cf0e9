package dev.vetbench.checks.volumes;

import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code /proc/PID/mountinfo} (proc(5)): {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3
 * /dev/root rw,errors=continue}.
 *
 * @param majorMinor the device's {@code major:minor} ({@code 0:N} for filesystems without a block device)
 * @param root the directory of the filesystem that forms the mount's root
 * @param mountPoint where it is mounted
 * @param fsType the filesystem type, e.g. {@code ext4}, {@code fuse.gocryptfs}, {@code zfs}
 * @param source the mount source, e.g. {@code /dev/mapper/vg0-data} or a ZFS dataset
 * @param superOptions per-superblock options, e.g. {@code ecryptfs_cipher=aes,ecryptfs_key_bytes=32}
 * @param raw the line as read
 */
public record MountInfoLine(String majorMinor, String root, String mountPoint, String fsType, String source,
        String superOptions, String raw) {

    /**
     * Parses one line; spaces inside fields are escaped as {@code \040} by the kernel, so splitting on spaces is
     * exact.
     *
     * @throws IllegalArgumentException when the line is not a mountinfo line
     */
    public static MountInfoLine parse(String line) {
        List<String> fields = Arrays.asList(line.strip().split(" "));
        int separator = fields.indexOf("-");
        if (separator < 6 || fields.size() < separator + 3) {
            throw new IllegalArgumentException("not a mountinfo line: " + line);
        }
        String superOptions = fields.size() > separator + 3 ? fields.get(separator + 3) : "";
        return new MountInfoLine(fields.get(2), unescape(fields.get(3)), unescape(fields.get(4)),
            fields.get(separator + 1), unescape(fields.get(separator + 2)), superOptions, line);
    }

    /** The major device number: 0 for filesystems without a block device of their own (FUSE, ZFS, btrfs). */
    public int major() {
        return Integer.parseInt(majorMinor.substring(0, majorMinor.indexOf(':')));
    }

    /** For the mount chain: {@code ext4 /dev/loop0 (7:0), root /data}. */
    public String describe() {
        return fsType + " " + source + " (" + majorMinor + "), root " + root;
    }

    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
