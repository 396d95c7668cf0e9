#!/usr/bin/env bash
# Shell-level smoke checks of the test bed's fixture images: starts each with a few switch settings
# and checks, from the host, what an assessor would check by hand (curl, openssl s_client, PROXY
# protocol headers sent with printf, the container logs). Run testbed.sh first.
#
# Usage: bash src/testbed/smoke.sh        prints "ok - ..." / "not ok - ..." lines; exit 1 on any failure
# No pipefail: `producer | grep -q` would fail whenever grep stops reading early (SIGPIPE).
set -eu

readonly RUN_ID="vetbench-smoke-$$"
readonly LABEL="dev.vetbench.testbed.smoke=$RUN_ID"
FAILURES=0

# Removes this run's containers (and their anonymous volumes), found by their label.
cleanup() {
    local ids
    ids="$(docker ps -aq --filter "label=$LABEL")"
    if [ -n "$ids" ]; then
        # shellcheck disable=SC2086
        docker rm -fv $ids >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

check() {
    local description="$1"
    shift
    if "$@"; then
        echo "ok - $description"
    else
        echo "not ok - $description"
        FAILURES=$((FAILURES + 1))
    fi
}

# Starts a container with ports published on loopback; prints its name.
start() {
    local name="$RUN_ID-$1"
    shift
    docker run -d --name "$name" --label "$LABEL" -p 127.0.0.1::80 -p 127.0.0.1::443 -p 127.0.0.1::5432 \
        "$@" >/dev/null
    echo "$name"
}

port() {
    docker port "$1" "$2" | head -n 1 | sed 's/.*://'
}

# Waits (bounded) until the container's log holds a line.
wait_for_log() {
    local name="$1" line="$2" tries=0
    until docker logs "$name" 2>&1 | grep -q "$line"; do
        tries=$((tries + 1))
        [ "$tries" -lt 150 ] || return 1
        sleep 0.2
    done
}

wait_for_https() {
    local tries=0
    until curl -sk --max-time 2 -o /dev/null "https://127.0.0.1:$1/"; do
        tries=$((tries + 1))
        [ "$tries" -lt 50 ] || return 1
        sleep 0.2
    done
}

body_is_hello() {
    [ "$(curl -sk --max-time 5 "$@")" = "Hello World!" ]
}

# Whether a TLS handshake with only the given version (s_client flag) completes.
tls_accepts() {
    echo | timeout 10 openssl s_client -connect "127.0.0.1:$1" "$2" -cipher 'DEFAULT:@SECLEVEL=0' 2>&1 \
        | grep -q '^New, TLSv1'
}

tls_refuses() {
    ! tls_accepts "$@"
}

fallback_alert() {
    echo | timeout 10 openssl s_client -connect "127.0.0.1:$1" -tls1_1 -fallback_scsv \
        -cipher 'DEFAULT:@SECLEVEL=0' 2>&1 | grep -q 'inappropriate fallback'
}

# Sends raw bytes (printf format) then a plain HTTP request; prints the response body's last line.
raw_request() {
    local port="$1" header="$2"
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    # shellcheck disable=SC2059
    printf "${header}GET / HTTP/1.0\r\nHost: smoke\r\n\r\n" >&3
    timeout 5 cat <&3 | tail -n 1 || true
    exec 3<&-
}

raw_is_hello() {
    [ "$(raw_request "$@")" = "Hello World!" ]
}

raw_not_served() {
    [ "$(raw_request "$@")" != "Hello World!" ]
}

logged_client() {
    docker logs "$1" 2>/dev/null | grep -q "^$2 - "
}

readonly PROXY_V1_TCP4='PROXY TCP4 192.0.2.10 198.51.100.1 56324 80\r\n'
readonly PROXY_V1_TCP6='PROXY TCP6 2001:db8::10 2001:db8::1 56324 80\r\n'
# PROXY v2, PROXY command, TCP over IPv4, 12 address bytes: 192.0.2.20:56316 -> 198.51.100.1:80.
readonly PROXY_V2_TCP4='\r\n\r\n\0\r\nQUIT\n\x21\x11\x00\x0c\xc0\x00\x02\x14\xc6\x33\x64\x01\xdb\xfc\x00\x50'

frontend_plain() {
    local version="$1" name
    name="$(start "frontend-$version" "medivendor/frontend:$version")"
    wait_for_https "$(port "$name" 443)"
    check "frontend $version answers Hello World! over HTTPS" body_is_hello "https://127.0.0.1:$(port "$name" 443)/"
    check "frontend $version redirects port 80 to https by default" \
        test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port "$name" 80)/")" = 301
    if [ "$version" = 1.4.2 ]; then
        check "frontend 1.4.2 accepts TLS 1.0 (flaw)" tls_accepts "$(port "$name" 443)" -tls1
        check "frontend 1.4.2 accepts TLS 1.1 (flaw)" tls_accepts "$(port "$name" 443)" -tls1_1
        check "frontend 1.4.2 refuses TLS 1.3" tls_refuses "$(port "$name" 443)" -tls1_3
        check "frontend 1.4.2 answers a TLS 1.1 fallback with inappropriate_fallback (RFC 7507)" \
            fallback_alert "$(port "$name" 443)"
    else
        check "frontend 1.5.0 refuses TLS 1.0" tls_refuses "$(port "$name" 443)" -tls1
        check "frontend 1.5.0 refuses TLS 1.1" tls_refuses "$(port "$name" 443)" -tls1_1
        check "frontend 1.5.0 accepts TLS 1.2" tls_accepts "$(port "$name" 443)" -tls1_2
        check "frontend 1.5.0 accepts TLS 1.3" tls_accepts "$(port "$name" 443)" -tls1_3
    fi
}

frontend_proxy() {
    local version="$1" name http
    name="$(start "frontend-$version-proxy" -e PROXY_PROTOCOL=true -e FORCE_SSL=false "medivendor/frontend:$version")"
    wait_for_log "$name" "start worker process"
    http="$(port "$name" 80)"
    check "frontend $version serves behind a PROXY v1 TCP4 header" raw_is_hello "$http" "$PROXY_V1_TCP4"
    check "frontend $version serves behind a PROXY v1 TCP6 header" raw_is_hello "$http" "$PROXY_V1_TCP6"
    check "frontend $version serves behind a PROXY v2 TCP4 header" raw_is_hello "$http" "$PROXY_V2_TCP4"
    check "frontend $version serves HTTPS behind a PROXY header (curl --haproxy-protocol)" \
        body_is_hello --haproxy-protocol "https://127.0.0.1:$(port "$name" 443)/"
    check "frontend $version refuses a request without PROXY header" raw_not_served "$http" ""
    if [ "$version" = 1.4.2 ]; then
        check "frontend 1.4.2 logs the balancer, not 192.0.2.10 (flaw)" \
            bash -c "! docker logs $name 2>/dev/null | grep -q 192.0.2.10"
    else
        check "frontend 1.5.0 logs the v1 TCP4 client 192.0.2.10" logged_client "$name" 192.0.2.10
        check "frontend 1.5.0 logs the v1 TCP6 client 2001:db8::10" logged_client "$name" 2001:db8::10
        check "frontend 1.5.0 logs the v2 TCP4 client 192.0.2.20" logged_client "$name" 192.0.2.20
    fi
}

frontend_switches() {
    local name trusted upstream custom dir
    trusted="$(start frontend-trusted -e PROXY_PROTOCOL=true -e FORCE_SSL=false \
        -e PROXY_TRUSTED_SOURCES=203.0.113.0/24 medivendor/frontend:1.5.0)"
    wait_for_log "$trusted" "start worker process"
    raw_request "$(port "$trusted" 80)" "$PROXY_V1_TCP4" >/dev/null
    check "frontend 1.5.0 ignores the header's address from an untrusted balancer" \
        bash -c "docker logs $trusted 2>/dev/null | grep -q ' peer=' && ! docker logs $trusted 2>/dev/null | grep -q 192.0.2.10"

    name="$(start frontend-tls12 -e SSL_PROTOCOLS_OVERRIDE=TLSv1.2 medivendor/frontend:1.5.0)"
    wait_for_https "$(port "$name" 443)"
    check "SSL_PROTOCOLS_OVERRIDE=TLSv1.2 keeps TLS 1.2" tls_accepts "$(port "$name" 443)" -tls1_2
    check "SSL_PROTOCOLS_OVERRIDE=TLSv1.2 refuses TLS 1.3" tls_refuses "$(port "$name" 443)" -tls1_3

    upstream="$(start frontend-behind -e FORCE_SSL=false medivendor/frontend:1.5.0)"
    wait_for_https "$(port "$upstream" 443)"
    name="$(start frontend-upstream -e FORCE_SSL=false \
        -e "UPSTREAM_SERVERS=$(docker inspect -f '{{.NetworkSettings.IPAddress}}' "$upstream"):80" \
        medivendor/frontend:1.5.0)"
    wait_for_https "$(port "$name" 443)"
    check "UPSTREAM_SERVERS proxies to the given server (here another front end)" \
        body_is_hello "https://127.0.0.1:$(port "$name" 443)/via-upstream"
    check "the upstream front end logged the proxied request" \
        bash -c "docker logs $upstream 2>/dev/null | grep -q 'GET /via-upstream'"

    dir="$(mktemp -d)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=smoke.example -keyout "$dir/key.pem" \
        -out "$dir/cert.pem" 2>/dev/null
    chmod 644 "$dir/key.pem"
    custom="$(start frontend-cert -v "$dir:/certs:ro" -e SSL_CERTIFICATE=/certs/cert.pem \
        -e SSL_KEY=/certs/key.pem medivendor/frontend:1.5.0)"
    wait_for_https "$(port "$custom" 443)"
    check "SSL_CERTIFICATE/SSL_KEY serve the given certificate" \
        bash -c "echo | openssl s_client -connect 127.0.0.1:$(port "$custom" 443) 2>/dev/null | grep -q 'CN *= *smoke.example'"
    rm -rf "$dir"
}

psql_over_ssl() {
    docker exec -e PGPASSWORD='smoke passphrase' "$1" psql -X -At \
        "sslmode=require host=127.0.0.1 user=clinic dbname=patients" \
        -c 'select ssl from pg_stat_ssl where pid = pg_backend_pid()' 2>/dev/null | grep -qx t
}

psql_plain_refused() {
    ! docker exec -e PGPASSWORD='smoke passphrase' "$1" psql -X -At \
        "sslmode=disable host=127.0.0.1 user=clinic dbname=patients" -c 'select 1' >/dev/null 2>&1
}

records_db() {
    local version="$1" name output
    output="$(docker run --rm --label "$LABEL" "medivendor/records-db:$version" 2>&1 || true)"
    check "records-db $version without --initialize and no data exits with a clear line" \
        grep -q 'run the container with --initialize' <<<"$output"

    name="$(start "records-db-$version" -e 'PASSPHRASE=smoke passphrase' -e USERNAME=clinic -e DATABASE=patients \
        "medivendor/records-db:$version" --initialize)"
    check "records-db $version becomes ready" wait_for_log "$name" "database system is ready to accept connections"
    check "records-db $version accepts the user over SSL" psql_over_ssl "$name"
    check "records-db $version refuses connections without SSL" psql_plain_refused "$name"
    check "records-db $version speaks TLS after SSLRequest (openssl -starttls postgres)" \
        bash -c "echo | openssl s_client -starttls postgres -connect 127.0.0.1:$(port "$name" 5432) 2>/dev/null \
            | grep -q '^New, TLSv1'"
    check "records-db $version never prints the passphrase" \
        bash -c "! docker logs $name 2>&1 | grep -q 'smoke passphrase'"
    if [ "$version" = 3.1.0 ]; then
        check "records-db 3.1.0 declares no VOLUME" \
            test "$(docker image inspect -f '{{json .Config.Volumes}}' medivendor/records-db:3.1.0)" = null
    else
        check "records-db 3.2.0 declares VOLUME /var/db" \
            test "$(docker image inspect -f '{{json .Config.Volumes}}' medivendor/records-db:3.2.0)" = '{"/var/db":{}}'
    fi
}

registries() {
    local state="${VETBENCH_TESTBED_STATE:-/var/lib/vetbench-testbed}"
    check "the open registry lists medivendor/frontend 1.4.2 and 1.5.0" \
        bash -c "curl -s http://127.0.0.1:5055/v2/medivendor/frontend/tags/list | grep -q '1.4.2' \
            && curl -s http://127.0.0.1:5055/v2/medivendor/frontend/tags/list | grep -q '1.5.0'"
    check "the auth registry refuses without credentials" \
        test "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$state/registry-auth/tls/ca.crt" \
            https://127.0.0.1:5056/v2/_catalog)" = 401
    check "the auth registry lists its repositories for assessor" \
        bash -c "curl -s --cacert '$state/registry-auth/tls/ca.crt' --netrc-file <(printf 'machine 127.0.0.1 login assessor password %s\n' \"\$(cat '$state/registry-auth/password')\") \
            https://127.0.0.1:5056/v2/_catalog | grep -q medivendor/frontend"
}

frontend_plain 1.4.2
frontend_plain 1.5.0
frontend_proxy 1.4.2
frontend_proxy 1.5.0
frontend_switches
records_db 3.1.0
records_db 3.2.0
if [ "${1:-}" != "--no-registry" ]; then
    registries
fi
echo "smoke: $FAILURES failure(s)"
[ "$FAILURES" -eq 0 ]
