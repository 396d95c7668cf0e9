#!/usr/bin/env bash
# Starts the workbench under Xvfb once per screen and saves a PNG of each into docs/screenshots/.
# Needs: xvfb (Xvfb), imagemagick (import), a built project (mvn -q -DskipTests package or compile).
# Usage: bash src/test/screenshots/screens.sh            (from the project directory)
set -euo pipefail

cd "$(dirname "$0")/../../.."
OUT=docs/screenshots
WIDTH=1280
HEIGHT=800
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-:99}
mkdir -p "$OUT"

if [[ ! -d target/classes/dev/vetbench/ui ]]; then
    mvn -B -q -o -DskipTests compile
fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt \
    -Dmdep.includeScope=runtime >/dev/null
CLASSPATH="target/classes:$(cat target/runtime-classpath.txt)"

Xvfb "$DISPLAY_NUMBER" -screen 0 "${WIDTH}x${HEIGHT}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
sleep 1

# shot NAME STEP DARK [extra java options...]: one fresh app, one screenshot.
shot() {
    local name=$1 step=$2 dark=$3
    shift 3
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
    for _ in $(seq 1 60); do
        grep -q -E "Connected to Docker|No engine" "$log" && break
        sleep 0.25
    done
    sleep 1.5
    DISPLAY=$DISPLAY_NUMBER import -window root "$OUT/$name.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    rm -rf "$config"
    echo "saved $OUT/$name.png"
}

shot 1-host host false
shot 1-host-no-engine host false -Dvetbench.docker.host=tcp://127.0.0.1:1
shot 1-host-dark host true
shot 2-versions-dark versions true
shot 2-versions versions false
shot 3-checks checks false
shot 4-findings findings false
shot 5-report report false
