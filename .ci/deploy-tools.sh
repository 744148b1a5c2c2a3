#!/usr/bin/env bash
# Builds the deployment checkers the tests run (test/unit/{compose,dockerfile,caddyfile}.test.ts):
#   .tools/bin/compose-check    the Compose v2 loader (compose-go) from tools/compose-check
#   .tools/bin/dockerfile-lint  BuildKit's Dockerfile parser and build checks from tools/dockerfile-lint
#   .tools/bin/caddy-adapt      Caddy's Caddyfile adapter (the proxy image's version) from tools/caddy-adapt
#
#   bash .ci/deploy-tools.sh    build what is missing or older than its module, print nothing on stdout
#
# Pinned Go modules from the Go module proxy; the first build downloads and compiles for a minute or
# three, the Go build cache makes later ones take seconds (and an up-to-date binary is not rebuilt).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$repo_root/.tools/bin"

log() { echo "deploy-tools.sh: $*" >&2; }

needs_build() {
  local module="$1" binary="$2" source
  [[ -x "$binary" ]] || return 0
  for source in "$module"/go.mod "$module"/go.sum "$module"/*.go; do
    [[ "$source" -nt "$binary" ]] && return 0
  done
  return 1
}

build() {
  local name="$1"
  local module="$repo_root/tools/$name" binary="$bin_dir/$name"
  needs_build "$module" "$binary" || return 0
  command -v go >/dev/null || { log "Go is required to build $name (https://go.dev/dl/)"; exit 1; }
  log "building $name from tools/$name"
  mkdir -p "$bin_dir"
  # -buildvcs=false: no VCS stamp needed, and a fresh clone may have no commit yet.
  (cd "$module" && go build -buildvcs=false -trimpath -o "$binary.tmp" .) >&2
  mv "$binary.tmp" "$binary"
}

build compose-check
build dockerfile-lint
build caddy-adapt
