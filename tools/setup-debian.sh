#!/bin/sh
# Installs what building and testing libmatch needs on Debian 12 (as root).
# Does nothing when everything is already installed.
set -eu
packages="build-essential cmake pkg-config libglib2.0-dev libcjson-dev check tzdata
	valgrind clang python3 python3-jsonschema python3-venv python3-pip python3-numpy
	doxygen chromium fonts-dejavu-core"
missing=""
for p in $packages; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >/dev/null
fi
