#!/usr/bin/env bash
# Sets up what is missing, builds everything in Release and runs every test.
# The last line is "N passed, N failed, N skipped"; the exit code is non-zero when a test failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/prerequisites.sh
# Tests also read real photos (PNG/JPEG/GIF) from Debian's python3-skimage-lib; without it those tests are skipped.
ELFS_APT_PACKAGES+=(python3-skimage-lib)
elfs_ensure_prerequisites

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
dotnet build Elfs.LabelOps.sln -c Release -nologo -v q
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    --blame-hang-timeout 20m || status=$?
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed)))
  skipped=$((skipped + total - executed))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "error: dotnet test exited with $status without a failed test (a crashed or hung test host?)" >&2
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
