#!/usr/bin/env bash
# Starts the workbench under Xvfb once per screen and saves a PNG of each into docs/screenshots/.
# Needs: xvfb (Xvfb), imagemagick (import), the test bed's engine and fixture images for the populated screens.
# Usage, from the project directory: bash src/test/screenshots/screens.sh
set -euo pipefail

cd "$(dirname "$0")/../../.."
OUT=docs/screenshots
WIDTH=1280
HEIGHT=800
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-:99}
PICK="medivendor/frontend:1.4.2,medivendor/frontend:1.5.0,medivendor/records-db:3.1.0"
mkdir -p "$OUT"

mvn -B -q -o -DskipTests -Dcheckstyle.skip compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt \
    -Dmdep.includeScope=runtime >/dev/null
CLASSPATH="target/classes:$(cat target/runtime-classpath.txt)"

Xvfb "$DISPLAY_NUMBER" -screen 0 "${WIDTH}x${HEIGHT}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
sleep 1

# wait_for LOG PATTERN COUNT SECONDS: until PATTERN appears COUNT times in LOG, or the time is up.
wait_for() {
    local log=$1 pattern=$2 count=$3 seconds=$4
    for _ in $(seq 1 $((seconds * 4))); do
        [[ $(grep -c -E "$pattern" "$log" || true) -ge $count ]] && return 0
        sleep 0.25
    done
    echo "  (gave up waiting for '$pattern' after ${seconds}s)" >&2
}

# shot NAME STEP DARK PATTERN COUNT SECONDS [java options...]: one fresh app, one screenshot.
shot() {
    local name=$1 step=$2 dark=$3 pattern=$4 count=$5 seconds=$6
    shift 6
    local config log
    config=$(mktemp -d)
    log="$config/app.log"
    # The window fills the virtual screen: there is no window manager to place it.
    cat >"$config/ui.json" <<JSON
{"dark": $dark, "window": {"x": 0, "y": 0, "width": $WIDTH, "height": $HEIGHT, "maximized": false},
 "recentHosts": []}
JSON
    DISPLAY=$DISPLAY_NUMBER VETBENCH_LOG_LEVEL=INFO java -cp "$CLASSPATH" \
        -Dvetbench.config.dir="$config" -Dvetbench.ui.step="$step" "$@" \
        dev.vetbench.app.Main >"$log" 2>&1 &
    local app=$!
    wait_for "$log" "$pattern" "$count" "$seconds"
    sleep 1
    DISPLAY=$DISPLAY_NUMBER import -window root "$OUT/$name.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    rm -rf "$config"
    echo "saved $OUT/$name.png"
}

CONNECTED="Connected to Docker|No engine"
DONE="CheckMatrixViewModel - "
shot 1-host host false "$CONNECTED" 1 20
shot 1-host-no-engine host false "$CONNECTED" 1 20 -Dvetbench.docker.host=tcp://127.0.0.1:1
shot 1-host-dark host true "$CONNECTED" 1 20
shot 2-versions versions false "$CONNECTED" 1 20 -Dvetbench.ui.pick="$PICK"
shot 2-versions-dark versions true "$CONNECTED" 1 20 -Dvetbench.ui.pick="$PICK"
shot 3-checks-running checks false "Started vetbench-" 2 60 -Dvetbench.ui.pick="$PICK" -Dvetbench.ui.runAll=true
shot 3-checks checks false "$DONE" 12 400 -Dvetbench.ui.pick="$PICK" -Dvetbench.ui.runAll=true
shot 4-findings findings false "$DONE" 12 400 -Dvetbench.ui.pick="$PICK" -Dvetbench.ui.runAll=true
shot 5-report report false "$DONE" 12 400 -Dvetbench.ui.pick="$PICK" -Dvetbench.ui.runAll=true
