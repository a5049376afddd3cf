#!/usr/bin/env bash
# Throughput of the whole `aidledger extract --format jsonl` process on one
# core, over dense news: the corpora beside the project (../shared/corpus
# dev.jsonl and dev2.jsonl, several figures per kilobyte) repeated to 50 MB
# with distinct ids. Prints MB/s of article text for each of three runs.
# Usage: scripts/bench-extract.sh [BINARY]   (default target/release/aidledger)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/aidledger}
corpus=../shared/corpus
if [ ! -f "$corpus/dev.jsonl" ] || [ ! -f "$corpus/dev2.jsonl" ]; then
  echo "bench-extract: $corpus is absent; nothing measured"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus/dev.jsonl" "$corpus/dev2.jsonl" "$work/news.jsonl" <<'PY'
import json, sys
docs = []
for path in sys.argv[1:3]:
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        d.pop("mentions", None)
        docs.append(d)
target, text_bytes, n = 50 * 1000 * 1000, 0, 0
with open(sys.argv[3], "w", encoding="utf-8") as out:
    while text_bytes < target:
        for d in docs:
            e = dict(d, id=f"{d['id']}-{n}")
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            text_bytes += len(d["text"].encode("utf-8"))
            n += 1
print(f"{n} articles, {text_bytes / 1e6:.1f} MB of article text", file=sys.stderr)
with open(sys.argv[3] + ".bytes", "w") as f:
    f.write(str(text_bytes))
PY
bytes=$(cat "$work/news.jsonl.bytes")
for run in 1 2 3; do
  start=$(date +%s.%N)
  taskset -c 0 "$bin" extract --format jsonl "$work/news.jsonl" > /dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; b, s, e = map(float, sys.argv[1:]); print(f'run $run: {e - s:.2f} s, {b / 1e6 / (e - s):.1f} MB/s')" "$bytes" "$start" "$end"
done
