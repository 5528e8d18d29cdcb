#!/usr/bin/env bash
# Issue 13 done-when: peak RSS of a 100,000-item LocalFolder run vs a 10,000-item run (synthetic 28x28 PNGs).
# Usage: benchmarks/runpath-memory.sh [WORK_DIR] [SIZES...]   (default /tmp/elfs-runpath-memory, sizes 10000 100000)
# Each size: generate the images (own process), then two processes on one store: sync+embed (paused after
# "embedded"), then select+push+report (resumed), each under /usr/bin/time -v; and a third, whole run on a fresh store.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/elfs-runpath-memory}"; shift || true
sizes=("${@:-10000 100000}")
dotnet build "$root/benchmarks/Elfs.Benchmarks" -c Release -nologo -v q >/dev/null
dll="$root/benchmarks/Elfs.Benchmarks/bin/Release/net10.0/Elfs.Benchmarks.dll"
for n in ${sizes[*]}; do
  images="$work/images-$n"
  dotnet "$dll" runpath-memory --generate --items "$n" --folder "$images"
  for phase in split whole; do
    store="$work/run-$n-$phase"; rm -rf "$store"
    if [ "$phase" = split ]; then
      for pause in embedded ""; do
        echo "== $n items, ${pause:+until }${pause:-resume to done}"
        /usr/bin/time -f "max RSS %M KiB, wall %e s, user %U s" dotnet "$dll" runpath-memory --items "$n" --folder "$images" --work "$store" ${pause:+--pause-after $pause}
      done
    else
      echo "== $n items, whole run in one process"
      /usr/bin/time -f "max RSS %M KiB, wall %e s, user %U s" dotnet "$dll" runpath-memory --items "$n" --folder "$images" --work "$store"
    fi
  done
done
