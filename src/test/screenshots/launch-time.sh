#!/usr/bin/env bash
# Launch-to-interactive time of the window: JVM start (RuntimeMXBean) to the first layout pulse after the stage
# is shown, as the app itself logs it with -Dvetbench.ui.exitAfterStartup=true. Runs RUNS times under Xvfb and
# prints each run and the median; JAVA_OPTS adds JVM options (e.g. -XX:TieredStopAtLevel=1); with CDS=1 it first
# records an AppCDS archive and then uses it.
# Usage, from the project directory, after `mvn -DskipTests package`:
#   bash src/test/screenshots/launch-time.sh            (RUNS=5 by default)
set -euo pipefail

cd "$(dirname "$0")/../../.."
RUNS=${RUNS:-5}
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-:97}
JAR=target/vetbench.jar
CONFIG=$(mktemp -d)
[[ -f $JAR ]] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }

Xvfb "$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null || true; rm -rf "$CONFIG"' EXIT
sleep 1

read -r -a EXTRA <<<"${JAVA_OPTS:-}"
OPTIONS=("${EXTRA[@]}" -Dvetbench.config.dir="$CONFIG" -Dvetbench.ui.exitAfterStartup=true)
if [[ ${CDS:-0} == 1 ]]; then
    DISPLAY=$DISPLAY_NUMBER java -XX:ArchiveClassesAtExit="$CONFIG/app.jsa" "${OPTIONS[@]}" -jar "$JAR" \
        >/dev/null 2>&1
    OPTIONS+=(-XX:SharedArchiveFile="$CONFIG/app.jsa")
fi

times=()
for i in $(seq 1 "$RUNS"); do
    line=$(DISPLAY=$DISPLAY_NUMBER java "${OPTIONS[@]}" -jar "$JAR" 2>/dev/null | grep '^launch-to-interactive-ms')
    ms=$(echo "$line" | awk '{print $2}')
    echo "run $i: ${ms} ms wall, $(echo "$line" | awk '{print $4}') ms CPU (all threads)"
    times+=("$ms")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "median of $RUNS: ${median} ms (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
