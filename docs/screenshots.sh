#!/bin/sh
# Page 1 of an exported brief as the README shows it: Word export -> LibreOffice -> PNG.
set -eu
assistant="${1:-assistant}"
out="$(dirname "$0")/images"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$assistant" brief --theme harsh-life --audience journalists --template talking-points \
    --marking OFFICIAL -o "$work/talking-points.docx" 2>/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
    --outdir "$work" "$work/talking-points.docx" >/dev/null 2>&1
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/talking-points.pdf" "$out/talking-points"
echo "wrote $out/talking-points.png"
