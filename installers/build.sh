#!/usr/bin/env bash
# Builds Vetbench's app image and the installers of the platform it runs on:
#   Linux: .deb (and .rpm when rpmbuild is present)   Windows: .msi   macOS: .dmg
# Usage: installers/build.sh [--skip-maven] [--type deb|rpm|msi|dmg|app-image] [--reuse-app-image]
#   --reuse-app-image packages the app image an earlier `--type app-image` left in target/installer/, e.g. after
#   signing its launcher (installers/README.md)
# Output: target/installer/
set -euo pipefail
cd "$(dirname "$0")/.."

skip_maven=false
reuse_image=false
types=()
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-maven) skip_maven=true ;;
        --type) types+=("$2"); shift ;;
        --reuse-app-image) reuse_image=true ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

case "$(uname -s)" in
    Linux) platform=linux; default_types=(deb); command -v rpmbuild > /dev/null && default_types+=(rpm) ;;
    Darwin) platform=macos; default_types=(dmg) ;;
    MINGW*|MSYS*|CYGWIN*) platform=windows; default_types=(msi) ;;
    *) echo "build.sh: no installer for $(uname -s)" >&2; exit 2 ;;
esac
[ ${#types[@]} -eq 0 ] && types=("${default_types[@]}")

version=$(sed -n 's:^    <version>\([0-9.]*\).*</version>:\1:p' pom.xml | head -1)
out=target/installer
started=$(date +%s)

# The app image every installer is made from: the launcher's icon and console mode belong to it.
app_options=()
case "$platform" in
    macos) image="$out/vetbench.app"; app_dir="$image/Contents/app"; launcher="$image/Contents/MacOS/vetbench"
        app_options+=(--icon assets/icon/vetbench.icns --mac-package-identifier dev.vetbench.Vetbench) ;;
    windows) image="$out/vetbench"; app_dir="$image/app"; launcher="$image/vetbench.exe"
        app_options+=(--icon assets/icon/vetbench.ico --win-console) ;;
    *) image="$out/vetbench"; app_dir="$image/lib/app"; launcher="$image/bin/vetbench"
        app_options+=(--icon assets/icon/png/vetbench-256.png) ;;
esac

if $reuse_image; then
    [ -x "$launcher" ] || { echo "build.sh: no app image at $image; run with --type app-image first" >&2; exit 2; }
    echo "packaging the existing app image $image"
else
    if ! $skip_maven; then
        mvn -B -q -DskipTests package
    fi
    rm -rf "$out" && mkdir -p "$out/input"
    cp target/vetbench.jar "$out/input/"
    cp -r target/lib "$out/input/lib"

    # A trimmed runtime: only the JDK modules the application and its libraries use (jdeps), plus the ones
    # loaded by name at run time (elliptic-curve TLS, locale data, the logging bridge JavaFX looks up).
    modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
        --class-path "$out/input/lib/*" "$out/input/vetbench.jar" 2> /dev/null || true)
    modules="${modules:-java.base,java.desktop,java.logging,java.net.http,java.sql,java.naming,java.management}"
    modules="$modules,java.logging,java.xml,java.sql,java.naming,java.management,java.net.http,jdk.crypto.ec"
    modules="$modules,jdk.localedata,jdk.unsupported,jdk.zipfs"
    echo "runtime modules: $modules"
    jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
        --output "$out/runtime"

    # Start-up: a class-data sharing (CDS) archive of the JDK classes in the runtime, and later one of the JDK and
    # application classes the window loads until it is interactive. JDK 17 only accepts an application archive at the
    # class path it was made for, so the build records which classes to archive (vetbench.classlist) and the Linux
    # packages make the archive at the installed path (postinst, %post). The launcher uses it when it is there and
    # matches, and starts without it (slower, nothing else changes) when it is not. C1 alone compiles enough for this
    # app: the long work is network and Docker I/O. Figures: docs/benchmarks.md, "Window".
    # Limitation: only the Linux packages make the application archive; the .msi and .dmg have no script that could.
    "$out/runtime/bin/java" -Xshare:dump > "$out/cds-base.log" 2>&1
    app_options+=(--java-options '-XX:SharedArchiveFile=$APPDIR/vetbench.jsa' --java-options -XX:TieredStopAtLevel=1)

    jpackage --type app-image --name vetbench --app-version "$version" --vendor "Vetbench" \
        --input "$out/input" --main-jar vetbench.jar --main-class dev.vetbench.app.Main \
        --runtime-image "$out/runtime" --dest "$out" "${app_options[@]}"

    # Record the class list by starting the window once; it exits at its first frame (-Dvetbench.ui.exitAfterStartup).
    # On Linux without a display, Xvfb stands in.
    record_class_list() {
        local config display_pid="" status=0
        config=$(mktemp -d)
        if [ "$platform" = linux ] && [ -z "${DISPLAY:-}" ]; then
            command -v Xvfb > /dev/null || { echo "no display and no Xvfb" > "$out/cds-app.log"; return 1; }
            export DISPLAY=:$(( 90 + RANDOM % 9 ))
            Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp > /dev/null 2>&1 &
            display_pid=$!
            sleep 1
        fi
        JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app_dir/vetbench.classlist -Dvetbench.ui.exitAfterStartup=true \
    -Dvetbench.config.dir=$config" "$launcher" > "$out/cds-app.log" 2>&1 || status=$?
        [ -n "$display_pid" ] && kill "$display_pid" 2> /dev/null
        rm -rf "$config"
        [ "$status" -eq 0 ] && [ -s "$app_dir/vetbench.classlist" ]
    }
    if record_class_list; then
        echo "start-up class list: $(wc -l < "$app_dir/vetbench.classlist") classes"
    else
        rm -f "$app_dir/vetbench.classlist"
        echo "build.sh: no start-up class list recorded (see $out/cds-app.log); the installed app starts without an" \
            "archive, about half a second slower" >&2
    fi
fi

common=(--name vetbench --app-version "$version" --vendor "Vetbench"
    --description "Container security assessments with signed reports"
    --copyright "Copyright the Vetbench authors"
    --app-image "$image" --dest "$out"
    --file-associations "installers/$platform/vetbench-file.properties"
    --resource-dir "installers/$platform")
# Signing options and the like, e.g. JPACKAGE_EXTRA='--mac-sign --mac-signing-key-user-name "..."'
if [ -n "${JPACKAGE_EXTRA:-}" ]; then
    eval "extra=($JPACKAGE_EXTRA)"
    common+=("${extra[@]}")
fi

for type in "${types[@]}"; do
    case "$type" in
        deb|rpm)
            jpackage "${common[@]}" --type "$type" --icon assets/icon/png/vetbench-256.png \
                --linux-shortcut --linux-menu-group "Development;Security" --linux-app-category devel \
                --linux-deb-maintainer "vetbench@localhost" --linux-rpm-license-type "Proprietary" ;;
        msi)
            jpackage "${common[@]}" --type msi --icon assets/icon/vetbench.ico --win-menu --win-menu-group Vetbench \
                --win-shortcut --win-dir-chooser \
                --win-upgrade-uuid 6d0b5b7e-2f57-4c3a-9d53-7c1f1e0a4b21 ;;
        dmg)
            jpackage "${common[@]}" --type dmg --icon assets/icon/vetbench.icns \
                --mac-package-identifier dev.vetbench.Vetbench --mac-package-name Vetbench ;;
        app-image) ;; # Already made above.
        *) echo "build.sh: unknown type $type" >&2; exit 2 ;;
    esac
done

echo "built in $(( $(date +%s) - started )) s:"
ls -l "$out" | grep -E '\.(deb|rpm|msi|dmg)$' || ls -d "$out"/vetbench
