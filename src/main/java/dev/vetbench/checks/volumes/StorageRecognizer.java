package dev.vetbench.checks.volumes;

import dev.vetbench.checks.volumes.StorageAssessment.Protection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from a {@link HostStorageSnapshot} whether the storage behind a mount is encrypted at rest. Pure: the
 * same snapshot always gives the same answer, so recorded host data tests it.
 *
 * <p>Recognised: dm-crypt (LUKS1, LUKS2, plain, BitLocker, TrueCrypt/VeraCrypt mappings) anywhere in the block
 * device chain, including under LVM; fscrypt policies (ext4, f2fs, ubifs); FUSE filesystems that encrypt
 * (gocryptfs, CryFS, securefs, EncFS, ...) and eCryptfs; ZFS native encryption. Anything else is unencrypted.
 */
public final class StorageRecognizer {

    /** FUSE subtypes (the part after {@code fuse.}) of filesystems that store only ciphertext. */
    static final Set<String> ENCRYPTING_FUSE = Set.of("gocryptfs", "cryfs", "securefs", "encfs", "rclone-crypt",
        "cppcryptfs", "ciphertext");

    // linux/fscrypt.h: FSCRYPT_MODE_* numbers.
    private static final Map<Integer, String> FSCRYPT_MODES = Map.of(1, "AES-256-XTS", 2, "AES-256-GCM",
        3, "AES-256-CBC-ESSIV", 4, "AES-256-CTS-CBC", 5, "AES-128-CBC-ESSIV", 6, "AES-128-CTS-CBC",
        7, "SM4-XTS", 8, "SM4-CTS-CBC", 9, "Adiantum", 10, "AES-256-HCTR2");

    private StorageRecognizer() {
    }

    /**
     * Recognises the storage behind the probe path. A report that cannot be read (a mangled mountinfo line, bad
     * hex) is UNDETERMINED, never ENCRYPTED.
     */
    public static StorageAssessment recognize(HostStorageSnapshot snapshot) {
        try {
            return recognizeReadable(snapshot);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return new StorageAssessment(Protection.UNDETERMINED, "unknown", Optional.empty(), List.of(),
                "The helper's report could not be read (" + e.getMessage() + ").");
        }
    }

    private static StorageAssessment recognizeReadable(HostStorageSnapshot snapshot) {
        Optional<MountInfoLine> mount = snapshot.mountInfo();
        if (mount.isEmpty()) {
            return new StorageAssessment(Protection.UNDETERMINED, "unknown", Optional.empty(), List.of(),
                "The helper found no mountinfo line for " + snapshot.probePath() + ".");
        }
        List<String> chain = chain(snapshot, mount.get());
        Optional<StorageAssessment> fscrypt = fscrypt(snapshot, chain);
        if (fscrypt.isPresent()) {
            return fscrypt.get();
        }
        String fsType = mount.get().fsType();
        if (fsType.startsWith("fuse.") || fsType.equals("fuse") || fsType.equals("ecryptfs")) {
            return stackedFilesystem(mount.get(), chain);
        }
        if (fsType.equals("zfs")) {
            return ZfsProperties.assess(snapshot, mount.get(), chain);
        }
        return deviceMapper(snapshot, chain).orElseGet(() -> new StorageAssessment(Protection.UNENCRYPTED, fsType,
            Optional.empty(), chain, "No encryption found: " + fsType + " on " + mount.get().source()
                + " with no dm-crypt device beneath and no fscrypt policy on the directory."));
    }

    private static Optional<StorageAssessment> fscrypt(HostStorageSnapshot snapshot, List<String> chain) {
        Optional<String> answer = snapshot.ioctl("FS_IOC_GET_ENCRYPTION_POLICY_EX")
            .filter(a -> a.startsWith("ok "))
            .or(() -> snapshot.ioctl("FS_IOC_GET_ENCRYPTION_POLICY").filter(a -> a.startsWith("ok ")));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        byte[] policy = HexFormat.of().parseHex(answer.get().substring(3).strip());
        if (policy.length < 4) {
            return Optional.empty();
        }
        // struct fscrypt_policy_v1 starts with version 0, struct fscrypt_policy_v2 with version 2; both continue
        // contents_encryption_mode, filenames_encryption_mode, flags.
        String version = policy[0] == 2 ? "v2" : "v1";
        String cipher = mode(policy[1]) + " (contents), " + mode(policy[2]) + " (filenames), padding "
            + (4 << (policy[3] & 0x03));
        return Optional.of(new StorageAssessment(Protection.ENCRYPTED, "fscrypt " + version + " policy",
            Optional.of(cipher), chain, "The directory carries an fscrypt " + version + " policy: " + cipher + "."));
    }

    private static String mode(byte number) {
        return FSCRYPT_MODES.getOrDefault(number & 0xFF, "mode " + (number & 0xFF));
    }

    private static StorageAssessment stackedFilesystem(MountInfoLine mount, List<String> chain) {
        String fsType = mount.fsType();
        if (fsType.equals("ecryptfs")) {
            Optional<String> cipher = option(mount.superOptions(), "ecryptfs_cipher").map(name -> name.toUpperCase()
                + option(mount.superOptions(), "ecryptfs_key_bytes").map(b -> "-" + Integer.parseInt(b) * 8)
                    .orElse(""));
            return new StorageAssessment(Protection.ENCRYPTED, "eCryptfs", cipher, chain,
                "The mount is eCryptfs, a stacked filesystem that stores only ciphertext in " + mount.source() + ".");
        }
        String subtype = fsType.startsWith("fuse.") ? fsType.substring(5) : "";
        if (ENCRYPTING_FUSE.contains(subtype)) {
            // Limitation: the FUSE daemon's cipher lives in its own configuration file beside the ciphertext
            // (e.g. gocryptfs.conf), which the helper cannot see; the cipher is not reported.
            return new StorageAssessment(Protection.ENCRYPTED, "FUSE " + subtype, Optional.empty(), chain,
                "The mount is " + subtype + ", a FUSE filesystem that stores only ciphertext in " + mount.source()
                    + "; the host does not expose its cipher.");
        }
        return new StorageAssessment(Protection.UNENCRYPTED, fsType, Optional.empty(), chain,
            "The mount is " + fsType + ", a FUSE filesystem not known to encrypt.");
    }

    // Limitation: a loop device's backing file lives on another filesystem the helper does not resolve; storage
    // that is encrypted only below a loop file is reported as unencrypted (FAIL), never as PASS.
    // Walks the block-device chain the probe recorded; a CRYPT- device-mapper uuid anywhere in it means dm-crypt
    // (cryptsetup names its mappings CRYPT-<TYPE>-<uuid>-<name>, lib/libdevmapper.c dm_prepare_uuid).
    private static Optional<StorageAssessment> deviceMapper(HostStorageSnapshot snapshot, List<String> chain) {
        for (String device : devices(snapshot)) {
            Optional<String> uuid = snapshot.file("/sys/dev/block/" + device + "/dm/uuid");
            if (uuid.isPresent() && uuid.get().startsWith("CRYPT-")) {
                String type = uuid.get().substring(6).split("-")[0];
                String name = snapshot.file("/sys/dev/block/" + device + "/dm/name").orElse(device);
                // Limitation: the dm-crypt cipher is in the device-mapper table (dmsetup table needs
                // CAP_SYS_ADMIN) or the LUKS header on the raw device, neither of which the helper may read.
                return Optional.of(new StorageAssessment(Protection.ENCRYPTED, "dm-crypt (" + type + ")",
                    Optional.empty(), chain, "The filesystem sits on the dm-crypt " + type + " mapping " + name
                        + " (" + device + "); the cipher is not exposed without privileges."));
            }
        }
        return Optional.empty();
    }

    /** Every block device the probe walked, top first. */
    static List<String> devices(HostStorageSnapshot snapshot) {
        Set<String> devices = new LinkedHashSet<>();
        for (HostStorageSnapshot.Read read : snapshot.reads()) {
            String subject = read.subject();
            if (subject.startsWith("/sys/dev/block/")) {
                String rest = subject.substring("/sys/dev/block/".length());
                devices.add(rest.split("[/ ]")[0]);
            }
        }
        return new ArrayList<>(devices);
    }

    static List<String> chain(HostStorageSnapshot snapshot, MountInfoLine mount) {
        List<String> chain = new ArrayList<>();
        chain.add(snapshot.probePath() + ": " + mount.describe());
        for (String device : devices(snapshot)) {
            String base = "/sys/dev/block/" + device;
            StringBuilder step = new StringBuilder("block " + device);
            snapshot.reads().stream().filter(r -> r.kind() == HostStorageSnapshot.Kind.LINK
                && r.subject().startsWith(base + " -> ")).findFirst()
                .ifPresent(r -> step.append(" ").append(r.subject().substring(r.subject().lastIndexOf('/') + 1)));
            snapshot.file(base + "/dm/name").ifPresent(n -> step.append(", dm name ").append(n));
            snapshot.file(base + "/dm/uuid").ifPresent(u -> step.append(", dm uuid ").append(u));
            snapshot.file(base + "/loop/backing_file").ifPresent(f -> step.append(", loop file ").append(f));
            List<String> slaves = snapshot.listing(base + "/slaves");
            if (!slaves.isEmpty()) {
                step.append(", on ").append(String.join(", ", slaves));
            }
            chain.add(step.toString());
        }
        return chain;
    }

    static Optional<String> option(String options, String name) {
        for (String option : options.split(",")) {
            if (option.startsWith(name + "=")) {
                return Optional.of(option.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
