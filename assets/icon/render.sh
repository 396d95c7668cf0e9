#!/usr/bin/env bash
# Renders vetbench.svg to every size the platforms need: a PNG set (Linux, the window icon),
# vetbench.ico (Windows) and vetbench.icns (macOS).
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"

for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" vetbench.svg -o "png/vetbench-$size.png"
done
/usr/bin/convert png/vetbench-{16,24,32,48,64,128,256}.png vetbench.ico
png2icns vetbench.icns png/vetbench-{16,32,48,128,256,512}.png > /dev/null
echo "rendered $(ls png | wc -l) PNGs, vetbench.ico and vetbench.icns"
