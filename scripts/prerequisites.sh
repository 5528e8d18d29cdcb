#!/usr/bin/env bash
# Makes sure the system packages the build and the demo need are present.
# As root it installs what is missing with apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

# The engine's native parts (libtorch, SkiaSharp) come as NuGet packages; only the demo's data is a Debian package.
ELFS_APT_PACKAGES=(dataset-fashion-mnist)

elfs_missing_packages() {
  local p
  for p in "${ELFS_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

elfs_ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is not installed (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
    return 1
  fi
  local missing
  missing=$(elfs_missing_packages | tr '\n' ' ')
  if [ -n "${missing// /}" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "Installing system packages: $missing" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $missing >&2
    else
      echo "error: missing system packages: $missing" >&2
      echo "Install them with:  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
      return 1
    fi
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
