#!/bin/sh
# Installs the build into a scratch prefix, then builds and runs a consumer
# three ways: CMake package (shared and static) and pkg-config.
set -eu
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
libdir=$(dirname "$(find "$work/prefix" -name 'libmatch.so' | head -n 1)")
LD_LIBRARY_PATH="$libdir:${LD_LIBRARY_PATH:-}" "$work/build/consumer_shared"
"$work/build/consumer_static"
pcdir=$(dirname "$(find "$work/prefix" -name 'libmatch.pc' | head -n 1)")
cc -o "$work/consumer_pc" "$src/main.c" $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs libmatch)
LD_LIBRARY_PATH="$libdir:${LD_LIBRARY_PATH:-}" "$work/consumer_pc"
test -x "$work/prefix/bin/libmatch"
"$work/prefix/bin/libmatch" --version
echo "install_and_consume: ok"
