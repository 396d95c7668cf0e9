#!/bin/bash
# Compares `vetbench check` with the scanners people use today (testssl.sh -H/-Z, sslscan, nmap's
# ssl-heartbleed) on the same loopback targets: verdicts side by side, whole-process time (median of 5,
# hyperfine) and vetbench's in-process time after warm-up. Prints a Markdown report on stdout.
#
#   bash src/test/scanners/compare.sh > /tmp/tls-comparison.md
#
# Targets: gnutls-serv --heartbeat (real, answers well-formed heartbeats), the Heartbleed-vulnerable test
# fixture, a TLS 1.0-1.2 test fixture that ignores TLS_FALLBACK_SCSV, and the nginx fixture image
# medivendor/frontend:1.5.0 when a Docker engine answers. Needs: a JDK 17, Maven (offline cache),
# gnutls-bin, testssl.sh, sslscan, nmap, hyperfine (apt-get install gnutls-bin testssl.sh sslscan nmap
# hyperfine). Everything it starts listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
RUNS="${RUNS:-5}"
WORK="$(mktemp -d /tmp/vetbench-compare.XXXXXX)"
PIDS=()
CONTAINER=""

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -n "$CONTAINER" ] && docker rm -f "$CONTAINER" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java mvn gnutls-serv certtool testssl sslscan nmap hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool is missing." >&2; exit 2; }
done

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_port() {
    for _ in $(seq 1 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "compare.sh: nothing listens on port $1." >&2
    exit 2
}

# --- build ---------------------------------------------------------------------------------------
(cd "$ROOT" && mvn -B -q -o -Dcheckstyle.skip test-compile \
    && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" \
    && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/rcp.txt") >&2
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/cp.txt")"
# The command line as an installed vetbench runs it: main classes and runtime libraries only.
JAVA_CLI=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$ROOT/target/classes:$(cat "$WORK/rcp.txt")"
    dev.vetbench.app.Main)

# --- targets -------------------------------------------------------------------------------------
GNUTLS_PORT=$(free_port)
cat >"$WORK/cert.cfg" <<CFG
cn = localhost
expiration_days = 2
tls_www_server
signing_key
encryption_key
CFG
certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$WORK/key.pem" 2>/dev/null
certtool --generate-self-signed --load-privkey "$WORK/key.pem" --template "$WORK/cert.cfg" \
    --outfile "$WORK/cert.pem" 2>/dev/null
gnutls-serv --heartbeat --x509keyfile "$WORK/key.pem" --x509certfile "$WORK/cert.pem" -p "$GNUTLS_PORT" \
    >"$WORK/gnutls.log" 2>&1 &
PIDS+=($!)

VULN_PORT=$(free_port)
java -cp "$CP" dev.vetbench.tls.fixtures.VulnerableHeartbeatServer "$VULN_PORT" >"$WORK/vuln.log" 2>&1 &
PIDS+=($!)

java -cp "$CP" dev.vetbench.tls.fixtures.BcTlsServerFixture IGNORE >"$WORK/ignore.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q 'on 127.0.0.1:' "$WORK/ignore.log" && break; sleep 0.1; done
IGNORE_PORT=$(sed -n 's/.*on 127.0.0.1:\([0-9]*\).*/\1/p' "$WORK/ignore.log")

wait_port "$GNUTLS_PORT"
wait_port "$VULN_PORT"
wait_port "$IGNORE_PORT"

TARGETS_HB=("gnutls-serv --heartbeat|$GNUTLS_PORT" "vulnerable fixture|$VULN_PORT")
TARGETS_FB=("gnutls-serv --heartbeat|$GNUTLS_PORT" "SCSV-ignoring fixture|$IGNORE_PORT")
if docker info >/dev/null 2>&1 && docker image inspect medivendor/frontend:1.5.0 >/dev/null 2>&1; then
    CONTAINER="vetbench-compare-$$"
    docker run -d --name "$CONTAINER" --label dev.vetbench.test=compare -p 127.0.0.1::443 \
        medivendor/frontend:1.5.0 >/dev/null
    NGINX_PORT=$(docker port "$CONTAINER" 443/tcp | head -1 | sed 's/.*://')
    for _ in $(seq 1 100); do
        curl -sk --max-time 2 "https://127.0.0.1:$NGINX_PORT/" >/dev/null && break
        sleep 0.3
    done
    TARGETS_HB+=("nginx frontend:1.5.0|$NGINX_PORT")
    TARGETS_FB+=("nginx frontend:1.5.0|$NGINX_PORT")
fi

# --- verdicts ------------------------------------------------------------------------------------
vetbench_verdict() {
    "${JAVA_CLI[@]}" check "$1" "127.0.0.1:$2" 2>/dev/null | head -1 \
        | grep -oE ': (PASS|FAIL|NOT_APPLICABLE|ERROR)' | tr -d ': ' || echo "ERROR"
}

testssl_cmd() { echo "testssl --quiet --color 0 --warnings off $1 127.0.0.1:$2"; }

testssl_heartbleed_verdict() {
    local line
    line=$($(testssl_cmd -H "$1") 2>&1 | grep -E '^ Heartbleed' || true)
    case "$line" in
        *"not vulnerable"*) echo "PASS (${line#*)  })" ;;
        *VULNERABLE*) echo "FAIL" ;;
        *) echo "ERROR (${line:-no verdict})" ;;
    esac
}

testssl_fallback_verdict() {
    local line
    line=$($(testssl_cmd -Z "$1") 2>&1 | grep -E '^ TLS_FALLBACK_SCSV' | sed 's/  */ /g' || true)
    case "$line" in
        *"prevention supported"*) echo "PASS" ;;
        *"No fallback possible"*) echo "N/A (${line#*RFC 7507) })" ;;
        *"NOT supported"* | *VULNERABLE*) echo "FAIL" ;;
        *) echo "ERROR (${line:-no verdict})" ;;
    esac
}

SSLSCAN_COMMON="--no-colour --no-ciphersuites --no-cipher-details --no-groups --no-check-certificate \
--no-renegotiation --no-compression"
sslscan_heartbleed_cmd() { echo "sslscan $SSLSCAN_COMMON --no-fallback 127.0.0.1:$1"; }
sslscan_fallback_cmd() { echo "sslscan $SSLSCAN_COMMON --no-heartbleed 127.0.0.1:$1"; }

sslscan_heartbleed_verdict() {
    local out
    out=$($(sslscan_heartbleed_cmd "$1") 2>&1 | grep -i 'heartbleed' || true)
    if grep -qE '(^|[^t] )vulnerable to heartbleed' <<<"$out"; then echo "FAIL"
    elif grep -q 'not vulnerable' <<<"$out"; then echo "PASS"
    else echo "ERROR"; fi
}

sslscan_fallback_verdict() {
    local out
    out=$($(sslscan_fallback_cmd "$1") 2>&1 | grep -iA1 'Fallback SCSV:' | tail -1 || true)
    case "$out" in
        *"does not support"*) echo "FAIL" ;;
        *"supports TLS Fallback"*) echo "PASS" ;;
        *) echo "ERROR (${out:-no verdict})" ;;
    esac
}

nmap_cmd() { echo "nmap -Pn -n -p $1 --script +ssl-heartbleed 127.0.0.1"; }

nmap_verdict() {
    if $(nmap_cmd "$1") 2>&1 | grep -q 'State: VULNERABLE'; then echo "FAIL"; else echo "PASS"; fi
}

median_ms() {
    hyperfine -N -i --runs "$RUNS" --export-json "$WORK/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' \
        "$WORK/h.json"
}

in_process_ms() {
    java -cp "$CP" dev.vetbench.checks.TlsCheckBenchmark "$1" 127.0.0.1 "$2" none 25 2>/dev/null \
        | sed -n 's/.* median \([0-9.]*\) ms.*/\1/p'
}

# --- report --------------------------------------------------------------------------------------
echo "Machine: $(nproc) cores, $(uname -r), $(java -version 2>&1 | head -1); runs per median: $RUNS"
echo
echo "### Heartbleed"
echo
echo "| target | vetbench | testssl -H | sslscan | nmap ssl-heartbleed | vetbench ms | testssl ms | sslscan ms | nmap ms | vetbench in-process ms |"
echo "|---|---|---|---|---|---:|---:|---:|---:|---:|"
for entry in "${TARGETS_HB[@]}"; do
    name="${entry%|*}"; port="${entry#*|}"
    echo "| $name | $(vetbench_verdict heartbleed "$port") | $(testssl_heartbleed_verdict "$port") \
| $(sslscan_heartbleed_verdict "$port") | $(nmap_verdict "$port") \
| $(median_ms "${JAVA_CLI[*]} check heartbleed 127.0.0.1:$port") | $(median_ms "$(testssl_cmd -H "$port")") \
| $(median_ms "$(sslscan_heartbleed_cmd "$port")") | $(median_ms "$(nmap_cmd "$port")") \
| $(in_process_ms heartbleed "$port") |"
done
echo
echo "### Downgrade protection (TLS_FALLBACK_SCSV)"
echo
echo "| target | vetbench | testssl -Z | sslscan | vetbench ms | testssl ms | sslscan ms | vetbench in-process ms |"
echo "|---|---|---|---|---:|---:|---:|---:|"
for entry in "${TARGETS_FB[@]}"; do
    name="${entry%|*}"; port="${entry#*|}"
    echo "| $name | $(vetbench_verdict fallback-scsv "$port") | $(testssl_fallback_verdict "$port") \
| $(sslscan_fallback_verdict "$port") \
| $(median_ms "${JAVA_CLI[*]} check fallback-scsv 127.0.0.1:$port") | $(median_ms "$(testssl_cmd -Z "$port")") \
| $(median_ms "$(sslscan_fallback_cmd "$port")") | $(in_process_ms fallback-scsv "$port") |"
done
