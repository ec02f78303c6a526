#!/usr/bin/env bash
# Builds PgBouncer from Debian 13's source package and prints the program's path, for the
# tests of a pooler that keeps prepared statements in transaction mode (1.21 and later;
# Debian 12's own PgBouncer is 1.18). apt fetches and verifies the source with Debian's
# keys, using lists of its own (the machine's sources are left alone); the build is kept
# under ~/.cache/motcua-ci and reused.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cache=${XDG_CACHE_HOME:-$HOME/.cache}/motcua-ci
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=()
for pkg in gcc make pkg-config libevent-dev libssl-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
  >"$work/sources.list"
apt=(apt-get -qq -o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=-
  -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root)
"${apt[@]}" update
(cd "$work" && "${apt[@]}" source --download-only pgbouncer)
orig=$(ls "$work"/pgbouncer_*.orig.tar.gz)
version=$(basename "$orig" .orig.tar.gz)
version=${version#pgbouncer_}
prefix="$cache/pgbouncer-$version"
if [ ! -x "$prefix/bin/pgbouncer" ]; then
  tar -xzf "$orig" -C "$work"
  (cd "$work/pgbouncer-$version" &&
    ./configure --prefix="$prefix" --without-cares --without-systemd >"$work/configure.log" &&
    make -j"$(nproc)" >"$work/make.log" 2>&1 && make install >/dev/null) ||
    { tail -20 "$work"/*.log >&2; exit 1; }
fi
echo "$prefix/bin/pgbouncer"
