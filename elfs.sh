#!/usr/bin/env bash
# Sets up what is missing, builds in Release, and runs the elfs CLI with the given arguments.
#   ./elfs.sh demo        first run on Fashion-MNIST images with the embedded default (LocalFolder, SQLite, CPU)
#   ./elfs.sh --help      every command
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/prerequisites.sh
elfs_ensure_prerequisites

log=artifacts/build-host.log
mkdir -p artifacts
if ! dotnet build src/Host/Elfs.Host.csproj -c Release -nologo -v q >"$log" 2>&1; then
  grep -E "error|Error" "$log" | sort -u >&2 || cat "$log" >&2
  echo "error: the build failed; the full log is $log" >&2
  exit 1
fi
exec src/Host/bin/Release/net10.0/elfs "$@"
