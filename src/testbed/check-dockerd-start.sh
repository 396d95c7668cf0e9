#!/usr/bin/env bash
# Checks testbed.sh's "start dockerd when no engine answers" step without touching the machine's
# engine: in private mount and network namespaces, tmpfs hides /var/run, /var/lib/docker and
# /var/log, so the step finds no engine, starts its own dockerd, waits for it, and this script
# stops that dockerd again by its pid. Needs root (unshare).
#
# Usage: bash src/testbed/check-dockerd-start.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE

[ "$(id -u)" -eq 0 ] || { echo "check-dockerd-start: run as root (it needs unshare)." >&2; exit 1; }

# shellcheck disable=SC2016 # the inner script expands its own variables
exec timeout 150 unshare --mount --net --propagation private bash -c '
    set -euo pipefail
    mount -t tmpfs tmpfs /var/run
    mount -t tmpfs tmpfs /var/lib/docker
    mount -t tmpfs tmpfs /var/log
    ip link set lo up 2>/dev/null || true
    source "$1/testbed.sh"
    start=$EPOCHREALTIME
    ensure_engine
    echo "check-dockerd-start: engine answered $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s after the check began"
    containers="$(docker info --format "{{.Containers}}")"
    pid="$(cat /var/run/docker.pid)"
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
        echo "check-dockerd-start: the dockerd it started (pid $pid) did not stop." >&2
        exit 1
    fi
    [ -s /var/log/vetbench-dockerd.log ] || { echo "check-dockerd-start: no dockerd log was written." >&2; exit 1; }
    [ "$containers" = 0 ] || { echo "check-dockerd-start: reached an engine with containers, not a fresh one." >&2; exit 1; }
    echo "check-dockerd-start: ok - dockerd started, logged to /var/log/vetbench-dockerd.log, answered, stopped"
' check-dockerd-start "$HERE"
