#!/usr/bin/env bash
# Install the named Debian packages when missing; say clearly what to install otherwise.
# Usage: ensure-debs.sh "<apt command or empty>" PACKAGE...
set -euo pipefail
apt_cmd=$1
shift
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ -z "$apt_cmd" ] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]}. Install them (e.g. apt-get install ${missing[*]}) and retry." >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
$apt_cmd update -qq
DEBIAN_FRONTEND=noninteractive $apt_cmd install -y -qq --no-install-recommends "${missing[@]}"
