# Vetbench storage probe: runs inside a short-lived helper container (no network, no capabilities but
# DAC_READ_SEARCH, read-only root, the volume bound read-only at the probe path) and prints exactly what it
# read, in records the engine parses back:
#   VETBENCH-<KIND> <subject>      KIND is READ, LINK, LIST, IOCTL, RUN, MISSING or DONE
#   | <content line>               the raw content, one line each
# perl-base only: no modules beyond those Debian's minbase image carries.
use strict;
use warnings;
use Fcntl qw(O_RDONLY);
use POSIX qw(strerror);

my $probe = shift @ARGV or die "usage: storage-probe.pl PROBE_PATH\n";
my %walked;
$| = 1;

sub record { my ($kind, $subject, @lines) = @_; print "VETBENCH-$kind $subject\n"; print "| $_\n" for @lines; }

sub read_file {
    my ($path) = @_;
    if (open(my $fh, '<', $path)) {
        my @lines = map { chomp; $_ } <$fh>;
        close $fh;
        record('READ', $path, @lines);
        return @lines;
    }
    record('MISSING', "$path ($!)");
    return ();
}

sub list_dir {
    my ($path) = @_;
    opendir(my $dh, $path) or return ();
    my @names = sort grep { !/^\.\.?$/ } readdir $dh;
    closedir $dh;
    record('LIST', $path, @names);
    return @names;
}

sub link_of {
    my ($path) = @_;
    my $target = readlink $path;
    record(defined $target ? 'LINK' : 'MISSING', defined $target ? "$path -> $target" : "$path ($!)");
}

# The chain of block devices under MAJ:MIN: device-mapper name and uuid (CRYPT-LUKS2-..., LVM-...), the
# backing file of a loop device, and the same for every slave (LVM on LUKS, dm-crypt on a partition).
sub walk_block {
    my ($dev, $depth) = @_;
    return if $walked{$dev}++ || $depth > 8;
    my $base = "/sys/dev/block/$dev";
    link_of($base);
    return unless -e $base;
    for my $leaf ('dm/name', 'dm/uuid', 'loop/backing_file') {
        read_file("$base/$leaf") if -e "$base/$leaf";
    }
    for my $slave (list_dir("$base/slaves")) {
        my ($numbers) = read_file("/sys/class/block/$slave/dev");
        walk_block($numbers, $depth + 1) if defined $numbers && $numbers =~ /^\d+:\d+$/;
    }
}

# A filesystem on an anonymous device (btrfs, ZFS) names its real device in the mount source.
sub device_of_source {
    my ($source) = @_;
    if ($source =~ m{^/dev/mapper/(.+)$}) {
        my $name = $1;
        for my $dm (grep { /^dm-/ } list_dir('/sys/block')) {
            my ($dm_name) = read_file("/sys/block/$dm/dm/name");
            if (defined $dm_name && $dm_name eq $name) {
                my ($numbers) = read_file("/sys/block/$dm/dev");
                return $numbers;
            }
        }
    } elsif ($source =~ m{^/dev/([\w.-]+)$}) {
        my ($numbers) = read_file("/sys/class/block/$1/dev");
        return $numbers;
    }
    return undef;
}

sub mountinfo_line {
    open(my $fh, '<', '/proc/self/mountinfo') or do { record('MISSING', "/proc/self/mountinfo ($!)"); return; };
    my ($line) = grep { (split / /)[4] eq $probe } map { chomp; $_ } <$fh>;
    close $fh;
    record(defined $line ? 'READ' : 'MISSING', "/proc/self/mountinfo" . (defined $line ? '' : " (no line for $probe)"),
        defined $line ? ($line) : ());
    return $line;
}

# fscrypt: FS_IOC_GET_ENCRYPTION_POLICY_EX = _IOWR('f', 22, __u8[9]) takes { __u64 size; policy } and fills in
# a v1 or v2 policy; the older FS_IOC_GET_ENCRYPTION_POLICY = _IOW('f', 21, struct fscrypt_policy_v1) only v1.
# Either answers ENODATA for a directory that is not encrypted (linux/fscrypt.h, Documentation/filesystems/fscrypt.rst).
sub fscrypt_policy {
    my ($path) = @_;
    my $fh;
    unless (sysopen($fh, $path, O_RDONLY)) {
        record('IOCTL', "FS_IOC_GET_ENCRYPTION_POLICY_EX $path", "error " . ($! + 0) . " $!");
        return;
    }
    my $arg = pack('Q<', 24) . ("\0" x 24);
    if (ioctl($fh, 0xC0096616, $arg)) {
        my $size = unpack('Q<', $arg);
        record('IOCTL', "FS_IOC_GET_ENCRYPTION_POLICY_EX $path", "ok " . unpack('H*', substr($arg, 8, $size)));
    } else {
        my ($errno, $text) = ($! + 0, "$!");
        record('IOCTL', "FS_IOC_GET_ENCRYPTION_POLICY_EX $path", "error $errno $text");
        if ($errno == 25 || $errno == 22) {
            my $v1 = "\0" x 12;
            my $ok = ioctl($fh, 0x400C6615, $v1);
            record('IOCTL', "FS_IOC_GET_ENCRYPTION_POLICY $path",
                $ok ? "ok " . unpack('H*', $v1) : "error " . ($! + 0) . " $!");
        }
    }
    close $fh;
}

sub zfs_properties {
    my ($dataset) = @_;
    my @command = ('zfs', 'get', '-H', '-o', 'name,property,value,source',
        'encryption,keystatus,keyformat,encryptionroot', $dataset);
    my $found = grep { -x "$_/zfs" } split /:/, ($ENV{PATH} || '/usr/sbin:/usr/bin:/sbin:/bin');
    unless ($found) {
        record('MISSING', "zfs (no zfs command in the helper image)");
        return;
    }
    my @out = `@command 2>&1`;
    chomp @out;
    record('RUN', join(' ', @command) . " (exit " . ($? >> 8) . ")", @out);
}

my $line = mountinfo_line();
if (defined $line) {
    my ($left, $right) = split / - /, $line, 2;
    my (undef, undef, $numbers) = split / /, $left;
    my ($fstype, $source) = split / /, $right;
    walk_block($numbers, 0);
    if ($numbers =~ /^0:/) {
        my $real = device_of_source($source);
        walk_block($real, 0) if defined $real;
    }
    zfs_properties($source) if $fstype eq 'zfs';
}
fscrypt_policy($probe);
record('DONE', $probe);
