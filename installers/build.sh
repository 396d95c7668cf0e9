#!/usr/bin/env bash
# Builds Vetbench's app image and the installers of the platform it runs on:
#   Linux: .deb (and .rpm when rpmbuild is present)   Windows: .msi   macOS: .dmg
# Usage: installers/build.sh [--skip-maven] [--type deb|rpm|msi|dmg|app-image]
# Output: target/installer/
set -euo pipefail
cd "$(dirname "$0")/.."

skip_maven=false
types=()
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-maven) skip_maven=true ;;
        --type) types+=("$2"); shift ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
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

common=(--name vetbench --app-version "$version" --vendor "Vetbench"
    --description "Container security assessments with signed reports"
    --copyright "Copyright the Vetbench authors"
    --input "$out/input" --main-jar vetbench.jar --main-class dev.vetbench.app.Main
    --runtime-image "$out/runtime" --dest "$out"
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
                --win-shortcut --win-dir-chooser --win-console \
                --win-upgrade-uuid 6d0b5b7e-2f57-4c3a-9d53-7c1f1e0a4b21 ;;
        dmg)
            jpackage "${common[@]}" --type dmg --icon assets/icon/vetbench.icns \
                --mac-package-identifier dev.vetbench.Vetbench --mac-package-name Vetbench ;;
        app-image)
            jpackage --type app-image --name vetbench --app-version "$version" --input "$out/input" \
                --main-jar vetbench.jar --main-class dev.vetbench.app.Main --runtime-image "$out/runtime" \
                --dest "$out" ;;
        *) echo "build.sh: unknown type $type" >&2; exit 2 ;;
    esac
done

echo "built in $(( $(date +%s) - started )) s:"
ls -l "$out" | grep -E '\.(deb|rpm|msi|dmg)$' || ls -d "$out"/vetbench
