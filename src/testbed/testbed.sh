#!/usr/bin/env bash
# Prepares the Vetbench test bed: a Docker engine, the fixture images built from Debian packages,
# and two image registries on loopback. Idempotent: a second run reuses everything and takes seconds.
#
# Usage: bash src/testbed/testbed.sh [--no-registry] [--quiet] [--help]
# See docs/testbed.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
readonly FIXTURES="$HERE/fixtures"
readonly STATE="${VETBENCH_TESTBED_STATE:-/var/lib/vetbench-testbed}"
readonly DOCKERD_LOG="${VETBENCH_DOCKERD_LOG:-/var/log/vetbench-dockerd.log}"
readonly SUITE=bookworm
readonly BASE_IMAGE="vetbench-testbed/base:$SUITE"
readonly RECIPE_LABEL=dev.vetbench.testbed.recipe
readonly OPEN_REGISTRY=127.0.0.1:5055
readonly AUTH_REGISTRY=127.0.0.1:5056
readonly AUTH_USER=assessor
readonly CERTS_D=/etc/docker/certs.d

# Every package the project needs on a Debian build machine (README, CI, tests, installers).
readonly PACKAGES=(openjdk-17-jdk-headless maven docker.io debootstrap docker-registry gnutls-bin xvfb
    libgtk-3-0 poppler-utils imagemagick fscrypt gocryptfs fuse3 e2fsprogs testssl.sh sslscan nmap openssl
    curl ca-certificates fakeroot apache2-utils x11-utils xdg-utils)

# The fixture versions: tag, build context under fixtures/, Dockerfile target.
readonly IMAGES=(
    "medivendor/frontend:1.4.2 frontend release-1.4.2"
    "medivendor/frontend:1.5.0 frontend release-1.5.0"
    "medivendor/records-db:3.1.0 records-db release-3.1.0"
    "medivendor/records-db:3.2.0 records-db release-3.2.0"
)
# The versions also pushed to the registry that asks for a password.
readonly AUTH_IMAGES=("medivendor/frontend:1.5.0" "medivendor/records-db:3.2.0")

QUIET=false
REGISTRY=true

usage() {
    cat <<'USAGE'
Usage: testbed.sh [--no-registry] [--quiet] [--help]

Prepares the Vetbench test bed on this machine:
  - installs missing Debian packages the project needs (as root on Debian only),
  - finds a Docker engine (DOCKER_HOST, else /var/run/docker.sock) and starts dockerd as root
    when none answers,
  - builds vetbench-testbed/base:bookworm with debootstrap and the MediVendor fixture images,
    reusing every image whose recipe has not changed,
  - starts Debian's docker-registry on 127.0.0.1:5055 (open) and 127.0.0.1:5056 (TLS, basic
    auth for user assessor) and pushes the fixture versions to them.

Options:
  --no-registry   build the images but start and push to no registry
  --quiet         print only errors and the final summary
  --help          show this text

Environment:
  VETBENCH_TESTBED_STATE   state directory (default /var/lib/vetbench-testbed)
  DOCKER_HOST              the Docker engine to use (default: the local socket)
USAGE
}

say() {
    if [ "$QUIET" = false ]; then
        echo "testbed: $*"
    fi
}

die() {
    echo "testbed: $*" >&2
    exit 1
}

# Runs a command, showing its output unless --quiet; on failure prints its output and the reason.
run_logged() {
    local what="$1" log="$STATE/logs/$2"
    shift 2
    mkdir -p "$STATE/logs"
    quiet_or_shown "$log" "$@" && return 0
    tail -n 20 "$log" >&2 || true
    die "$what failed; the full output is in $log."
}

is_root() {
    [ "$(id -u)" -eq 0 ]
}

is_debian() {
    [ -r /etc/debian_version ] && command -v dpkg-query >/dev/null
}

# ---------------------------------------------------------------- packages

missing_packages() {
    local package
    for package in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            echo "$package"
        fi
    done
}

ensure_packages() {
    if ! is_debian; then
        say "not a Debian system; skipping package installation"
        return
    fi
    local missing
    missing="$(missing_packages | tr '\n' ' ')"
    if [ -z "$missing" ]; then
        return
    fi
    if ! is_root; then
        say "missing packages (install them as root): $missing"
        return
    fi
    say "installing $missing"
    mkdir -p "$STATE/logs"
    run_logged "apt-get update" apt-update.log apt-get update
    # shellcheck disable=SC2086
    if ! quiet_or_shown "$STATE/logs/apt-install.log" \
        env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing; then
        # apt also fails for an unrelated broken package; what matters is whether ours are in.
        missing="$(missing_packages | tr '\n' ' ')"
        [ -z "$missing" ] || die "installing $missing failed; see $STATE/logs/apt-install.log."
        say "apt-get reported an error about another package (see $STATE/logs/apt-install.log); ours are installed"
    fi
}

# Runs a command into a log file, also showing it unless --quiet; returns the command's status.
quiet_or_shown() {
    local log="$1"
    shift
    if [ "$QUIET" = false ]; then
        "$@" 2>&1 | tee "$log" >&2
        return "${PIPESTATUS[0]}"
    fi
    "$@" >"$log" 2>&1
}

need_command() {
    command -v "$1" >/dev/null || die "the command $1 is missing; install the Debian package $2 as root."
}

# ---------------------------------------------------------------- docker engine

engine_answers() {
    timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

start_dockerd() {
    if [ -n "${DOCKER_HOST:-}" ]; then
        die "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST; start it or unset DOCKER_HOST."
    fi
    if [ -S /var/run/docker.sock ] && [ ! -w /var/run/docker.sock ]; then
        die "this user may not use /var/run/docker.sock; run as root or join the docker group."
    fi
    is_root || die "no Docker engine answers at /var/run/docker.sock; start dockerd or run this script as root."
    need_command dockerd docker.io
    say "no Docker engine answers; starting dockerd (log: $DOCKERD_LOG)"
    mkdir -p "$(dirname "$DOCKERD_LOG")"
    setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
    local waited=0
    until engine_answers; do
        if [ "$waited" -ge 60 ]; then
            die "dockerd did not answer within 60 s; see $DOCKERD_LOG."
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

ensure_engine() {
    need_command docker docker.io
    if ! engine_answers; then
        start_dockerd
    fi
    ENGINE_VERSION="$(docker version --format '{{.Server.Version}}')"
    say "Docker engine $ENGINE_VERSION at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
}

# ---------------------------------------------------------------- base image

image_label() {
    docker image inspect -f "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null || true
}

# Prints the URI of the first Debian archive among apt's own sources that carries $SUITE
# (one-line sources.list and deb822 .sources files alike). $1 selects the security archive.
apt_mirror() {
    local want_security="$1" file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -r "$file" ] || continue
        case "$file" in
            *.sources) deb822_uris "$file" ;;
            *) one_line_uris "$file" ;;
        esac
    done | awk -v want="$want_security" '
        { security = ($2 ~ /-security$/) }
        ($2 == suite || $2 == suite "-security") && (security == (want == "yes")) { print $1; exit }
    ' suite="$SUITE"
}

# "URI SUITE" pairs from one-line "deb URI SUITE COMPONENTS" entries.
one_line_uris() {
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$1" | awk '$1 == "deb" { print $2, $3 }'
}

# "URI SUITE" pairs from deb822 stanzas with Types: deb (and Enabled not no).
deb822_uris() {
    awk '
        function flush() {
            if (types ~ /(^| )deb( |$)/ && enabled != "no")
                for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++) print uris[i], suites[j]
            types = ""; enabled = ""; nu = 0; ns = 0
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        tolower($1) == "types:" { types = substr($0, index($0, ":") + 1); gsub(/^ +| +$/, "", types) }
        tolower($1) == "enabled:" { enabled = tolower($2) }
        tolower($1) == "uris:" { for (k = 2; k <= NF; k++) uris[++nu] = $k }
        tolower($1) == "suites:" { for (k = 2; k <= NF; k++) suites[++ns] = $k }
        END { flush() }
    ' "$1"
}

# Runs inside the new root before it is imported: Docker-style apt settings, no services.
customise_root() {
    local root="$1" mirror="$2" security="$3"
    {
        echo "deb $mirror $SUITE main"
        echo "deb $mirror $SUITE-updates main"
        if [ -n "$security" ]; then
            echo "deb $security $SUITE-security main"
        fi
    } >"$root/etc/apt/sources.list"
    printf '#!/bin/sh\n# Services never start during image builds.\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 0755 "$root/usr/sbin/policy-rc.d"
    cat >"$root/etc/apt/apt.conf.d/90vetbench" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT
    # Like Debian's slim images: no manuals, docs or translations, now or in later installs.
    cat >"$root/etc/dpkg/dpkg.cfg.d/90vetbench-slim" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
DPKG
    find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
    find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
    rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/usr/share/lintian/*
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
    rm -f "$root"/var/log/*.log "$root"/etc/hostname "$root"/etc/machine-id
    touch "$root/etc/machine-id"
}

# Limitation: recipes hash the build instructions, not the package versions apt picked, so cached
# images keep the Debian packages of the day they were built until a recipe changes or they are
# removed (docs/testbed.md, Reset).
base_recipe() {
    {
        echo "suite=$SUITE variant=minbase"
        declare -f customise_root
    } | sha256sum | cut -c1-16
}

ensure_base_image() {
    local recipe
    recipe="$(base_recipe)"
    if [ "$(image_label "$BASE_IMAGE")" = "$recipe" ]; then
        say "reusing $BASE_IMAGE"
        return
    fi
    is_root || die "building $BASE_IMAGE needs debootstrap as root; run this script as root."
    need_command debootstrap debootstrap
    local mirror security
    mirror="$(apt_mirror no)"
    security="$(apt_mirror yes)"
    [ -n "$mirror" ] || die "no Debian $SUITE archive is configured in /etc/apt; add one to apt's sources."
    local root="$STATE/rootfs"
    rm -rf "$root"
    mkdir -p "$root"
    say "debootstrap $SUITE from $mirror (about a minute)"
    run_logged "debootstrap of $SUITE from $mirror" debootstrap.log \
        debootstrap --variant=minbase "$SUITE" "$root" "$mirror"
    customise_root "$root" "$mirror" "$security"
    say "importing $BASE_IMAGE"
    tar -C "$root" -c . | docker import \
        --change "LABEL $RECIPE_LABEL=$recipe" \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["/bin/bash"]' \
        - "$BASE_IMAGE" >/dev/null || die "docker import of $BASE_IMAGE failed."
    rm -rf "$root"
    remember_image "$BASE_IMAGE"
}

# ---------------------------------------------------------------- fixture images

# A hash of everything that makes the image: the build context's files, the target and the base.
fixture_recipe() {
    local context="$1" target="$2" base_id="$3"
    {
        echo "target=$target base=$base_id"
        (cd "$FIXTURES/$context" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    } | sha256sum | cut -c1-16
}

ensure_fixture() {
    local tag="$1" context="$2" target="$3" base_id recipe
    base_id="$(docker image inspect -f '{{.Id}}' "$BASE_IMAGE")"
    recipe="$(fixture_recipe "$context" "$target" "$base_id")"
    if [ "$(image_label "$tag")" = "$recipe" ]; then
        say "reusing $tag"
        return
    fi
    say "building $tag"
    run_logged "docker build of $tag" "build-${tag//[\/:]/_}.log" \
        docker build --network host --target "$target" --build-arg "BASE=$BASE_IMAGE" \
        --label "$RECIPE_LABEL=$recipe" -t "$tag" "$FIXTURES/$context"
    remember_image "$tag"
}

# Remembers an image this script made, so that remove_stale_images touches nothing else.
remember_image() {
    docker image inspect -f '{{.Id}}' "$1" >>"$STATE/built-images"
}

# Removes images this script built earlier whose tags have all moved to rebuilds. Their registry
# digests are dropped first; an image a container still uses stays (docker refuses, which is fine).
remove_stale_images() {
    [ -f "$STATE/built-images" ] || return 0
    local id reference kept=()
    # shellcheck disable=SC2013 # one image id per line, no spaces
    for id in $(sort -u "$STATE/built-images"); do
        if [ "$(docker image inspect -f '{{len .RepoTags}}' "$id" 2>/dev/null)" = 0 ]; then
            for reference in $(docker image inspect -f '{{range .RepoDigests}}{{.}} {{end}}' "$id"); do
                docker image rm "$reference" >/dev/null 2>&1 || true
            done
            docker image rm "$id" >/dev/null 2>&1 || true
        fi
        if docker image inspect "$id" >/dev/null 2>&1; then
            kept+=("$id")
        fi
    done
    printf '%s\n' "${kept[@]}" >"$STATE/built-images"
}

ensure_fixtures() {
    local entry
    for entry in "${IMAGES[@]}"; do
        # shellcheck disable=SC2086
        ensure_fixture $entry
    done
}

# ---------------------------------------------------------------- registries

registry_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true
}

# Starts one docker-registry unless it already answers; $1 name, $2 address, $3 expected status.
# Limitation: nothing supervises the registries; after a reboot or a crash the next run starts them.
start_registry() {
    local name="$1" address="$2" expected="$3" scheme="http" curl_args=()
    local dir="$STATE/$name"
    if [ -f "$dir/tls/ca.crt" ]; then
        scheme=https
        curl_args=(--cacert "$dir/tls/ca.crt")
    fi
    if [ "$(registry_status "${curl_args[@]}" "$scheme://$address/v2/")" = "$expected" ]; then
        say "reusing the registry on $address"
        return
    fi
    need_command docker-registry docker-registry
    say "starting docker-registry on $address"
    setsid nohup docker-registry serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 </dev/null &
    local pid=$! waited=0
    echo "$pid" >"$dir/registry.pid"
    until [ "$(registry_status "${curl_args[@]}" "$scheme://$address/v2/")" = "$expected" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 3 "$dir/registry.log" >&2
            die "the registry for $address stopped at once (is the port taken?); see $dir/registry.log."
        fi
        if [ "$waited" -ge 30 ]; then
            die "the registry on $address did not answer within 15 s; see $dir/registry.log."
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
}

registry_config() {
    local dir="$1" address="$2" extra="$3"
    mkdir -p "$dir/storage"
    cat >"$dir/config.yml.new" <<CONF
# Written by src/testbed/testbed.sh.
version: 0.1
log:
  level: info
  fields:
    service: vetbench-testbed-registry
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $address
  secret: $(cat "$dir/secret")
  headers:
    X-Content-Type-Options: [nosniff]
$extra
CONF
    if cmp -s "$dir/config.yml.new" "$dir/config.yml"; then
        rm -f "$dir/config.yml.new"
    else
        mv "$dir/config.yml.new" "$dir/config.yml"
    fi
}

new_secret() {
    [ -s "$1" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$1")
}

setup_open_registry() {
    local dir="$STATE/registry-open"
    mkdir -p "$dir"
    new_secret "$dir/secret"
    registry_config "$dir" "$OPEN_REGISTRY" ""
}

# A CA and a server certificate for 127.0.0.1, the CA placed where dockerd trusts it.
make_tls() {
    local tls="$1"
    if [ ! -s "$tls/server.crt" ]; then
        mkdir -p "$tls"
        (
            cd "$tls"
            umask 077
            openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 -keyout ca.key -out ca.crt \
                -subj "/O=Vetbench test bed/CN=Vetbench test bed CA" \
                -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
                -subj "/O=Vetbench test bed/CN=$AUTH_REGISTRY"
            printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
            openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
                -sha256 -extfile server.ext -out server.crt
            chmod 0644 ca.crt server.crt
        ) >"$STATE/logs/registry-tls.log" 2>&1 || die "could not create the registry's TLS certificate."
    fi
    if is_root; then
        mkdir -p "$CERTS_D/$AUTH_REGISTRY"
        cmp -s "$tls/ca.crt" "$CERTS_D/$AUTH_REGISTRY/ca.crt" || cp "$tls/ca.crt" "$CERTS_D/$AUTH_REGISTRY/ca.crt"
    fi
}

# A bcrypt htpasswd entry (the only hash docker-registry accepts).
bcrypt_entry() {
    local password
    password="$(cat "$1")"
    if command -v htpasswd >/dev/null; then
        htpasswd -nbB -C 10 "$AUTH_USER" "$password" | sed '/^$/d'
    else
        die "htpasswd is missing; install the Debian package apache2-utils as root."
    fi
}

setup_auth_registry() {
    local dir="$STATE/registry-auth"
    mkdir -p "$dir" "$STATE/logs"
    new_secret "$dir/secret"
    new_secret "$dir/password"
    make_tls "$dir/tls"
    if [ ! -s "$dir/htpasswd" ] || [ "$dir/password" -nt "$dir/htpasswd" ]; then
        (umask 077 && bcrypt_entry "$dir/password" >"$dir/htpasswd")
    fi
    # Basic credentials travel in clear text, so this registry speaks TLS only.
    registry_config "$dir" "$AUTH_REGISTRY" "  tls:
    certificate: $dir/tls/server.crt
    key: $dir/tls/server.key
auth:
  htpasswd:
    realm: vetbench-testbed
    path: $dir/htpasswd"
}

# The config digest the registry holds for a tag, empty when it has none.
remote_config_digest() {
    local url="$1"
    shift
    curl -s --max-time 10 "$@" \
        -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' "$url" 2>/dev/null \
        | tr -d ' \n' | grep -o '"config":{[^}]*}' | grep -o 'sha256:[0-9a-f]*' || true
}

# Pushes an image unless the registry already holds it; $1 registry, $2 scheme, $3 image, then curl options.
push_image() {
    local registry="$1" scheme="$2" image="$3" repository="${3%:*}" tag="${3##*:}"
    shift 3
    local local_id remote
    local_id="$(docker image inspect -f '{{.Id}}' "$image")"
    remote="$(remote_config_digest "$scheme://$registry/v2/$repository/manifests/$tag" "$@")"
    if [ "$remote" = "$local_id" ]; then
        return
    fi
    say "pushing $registry/$image"
    docker tag "$image" "$registry/$image"
    run_logged "docker push of $registry/$image" "push-${registry//[.:]/_}-${image//[\/:]/_}.log" \
        docker "${DOCKER_ARGS[@]}" push "$registry/$image"
}

# The registries listen on this machine's loopback, which only a local engine can reach.
# Limitation: with a remote DOCKER_HOST the test bed builds images there but cannot push them to
# registries here; run with --no-registry (or start a registry next to that engine).
engine_is_local() {
    case "${DOCKER_HOST:-unix://}" in
        unix://* | tcp://127.0.0.1:* | tcp://localhost:* | tcp://\[::1\]:*) return 0 ;;
        *) return 1 ;;
    esac
}

ensure_registries() {
    engine_is_local || die "the engine at $DOCKER_HOST cannot reach registries on this machine's loopback; \
run with --no-registry."
    setup_open_registry
    setup_auth_registry
    start_registry registry-open "$OPEN_REGISTRY" 200
    start_registry registry-auth "$AUTH_REGISTRY" 401

    local entry image auth_dir="$STATE/registry-auth"
    DOCKER_ARGS=()
    for entry in "${IMAGES[@]}"; do
        image="${entry%% *}"
        push_image "$OPEN_REGISTRY" http "$image"
    done

    # Its own client configuration, so the assessor's login never lands in the user's ~/.docker.
    DOCKER_ARGS=(--config "$STATE/docker-config")
    docker "${DOCKER_ARGS[@]}" login -u "$AUTH_USER" --password-stdin "$AUTH_REGISTRY" \
        <"$auth_dir/password" >/dev/null 2>&1 \
        || die "docker login to $AUTH_REGISTRY failed; see $auth_dir/registry.log."
    for image in "${AUTH_IMAGES[@]}"; do
        push_image "$AUTH_REGISTRY" https "$image" --cacert "$auth_dir/tls/ca.crt" \
            --netrc-file <(printf 'machine 127.0.0.1 login %s password %s\n' "$AUTH_USER" "$(cat "$auth_dir/password")")
    done
}

# ---------------------------------------------------------------- summary

write_env_file() {
    cat >"$STATE/testbed.env" <<ENV
# Written by src/testbed/testbed.sh; the test bed's addresses (no secrets).
VETBENCH_TESTBED_REGISTRY=$OPEN_REGISTRY
VETBENCH_TESTBED_AUTH_REGISTRY=$AUTH_REGISTRY
VETBENCH_TESTBED_AUTH_USER=$AUTH_USER
VETBENCH_TESTBED_AUTH_PASSWORD_FILE=$STATE/registry-auth/password
VETBENCH_TESTBED_AUTH_CA=$STATE/registry-auth/tls/ca.crt
ENV
}

summary() {
    echo "Vetbench test bed ready (state: $STATE)"
    echo "  engine:   Docker $ENGINE_VERSION at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
    local entry tag
    for tag in "$BASE_IMAGE" $(printf '%s\n' "${IMAGES[@]}" | cut -d' ' -f1); do
        echo "  image:    $tag ($(docker image inspect -f '{{.Id}}' "$tag" | cut -c8-19))"
    done
    if [ "$REGISTRY" = true ]; then
        echo "  registry: http://$OPEN_REGISTRY (open): all fixture versions"
        echo "  registry: https://$AUTH_REGISTRY (basic auth, user $AUTH_USER," \
            "password in $STATE/registry-auth/password): ${AUTH_IMAGES[*]}"
        echo "            its CA: $STATE/registry-auth/tls/ca.crt (also $CERTS_D/$AUTH_REGISTRY/ca.crt)"
    fi
}

main() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --no-registry) REGISTRY=false ;;
            --quiet) QUIET=true ;;
            --help | -h) usage; exit 0 ;;
            *) usage >&2; die "unknown option $1." ;;
        esac
        shift
    done
    mkdir -p "$STATE/logs" 2>/dev/null || die "cannot create the state directory $STATE; set VETBENCH_TESTBED_STATE."

    ensure_packages
    ensure_engine
    ensure_base_image
    ensure_fixtures
    if [ "$REGISTRY" = true ]; then
        ensure_registries
        write_env_file
    fi
    remove_stale_images
    summary
}

# Sourcing the script (for a test of one step) defines the functions without running anything.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
