#!/usr/bin/env bash
# Renders a month's report as a reader sees it, to PNG files to look at:
# figures.svg as a browser draws it, and summary.md as HTML (tables as a
# Markdown viewer shows them), both in headless Chromium.
#
# usage: scripts/look.sh REPORTS_DIR YYYY-MM [OUT_DIR]
# needs: chromium (Debian: apt-get install chromium), python3 with markdown
# (pip install markdown). Writes OUT_DIR/figures.png and OUT_DIR/summary.png
# (default OUT_DIR: REPORTS_DIR/YYYY-MM/look).
set -euo pipefail
reports=${1:?usage: scripts/look.sh REPORTS_DIR YYYY-MM [OUT_DIR]}
month=${2:?usage: scripts/look.sh REPORTS_DIR YYYY-MM [OUT_DIR]}
dir="$reports/$month"
out=${3:-$dir/look}
[ -f "$dir/summary.md" ] || { echo "look: $dir/summary.md: no summary here" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
dir=$(cd "$dir" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# summary.md as HTML beside the chart, so its image link resolves.
python3 - "$dir/summary.md" "$dir/.look.html" <<'PY'
import sys, markdown
text = open(sys.argv[1], encoding="utf-8").read()
body = markdown.markdown(text, extensions=["tables"])
style = ("body{font-family:sans-serif;max-width:1000px;margin:24px auto;line-height:1.4}"
         "table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px}"
         "img{max-width:100%}")
open(sys.argv[2], "w", encoding="utf-8").write(f"<!doctype html><meta charset=utf-8><style>{style}</style>{body}")
PY

shot() { # URL FILE WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$3,$4" \
    --screenshot="$2" "$1" >/dev/null 2>&1
}
height=$(grep -o 'height="[0-9]*"' "$dir/figures.svg" | head -1 | tr -dc 0-9)
shot "file://$dir/figures.svg" "$out/figures.png" 960 "${height:-800}"
shot "file://$dir/.look.html" "$out/summary.png" 1100 2400
rm -f "$dir/.look.html"
echo "look: $out/figures.png, $out/summary.png"
