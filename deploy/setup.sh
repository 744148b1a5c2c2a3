#!/usr/bin/env bash
# One-time setup for docker-compose.yml: generates every secret and certificate the stack reads from
# files, into ./secrets (or CELLTRAIL_SECRETS_DIR). Run it from the project root before the first
# `docker compose up`:
#
#   bash deploy/setup.sh                  secrets, then certificates from a private CA
#   bash deploy/setup.sh --secrets-only   secrets only (certificates from the hospital's PKI, placed as listed below)
#
# Needs OpenSSL on the host, and Docker (Compose v2) for the certificates. Existing files are kept, so running it again only
# fills in what is missing (delete a file, or secrets/tls/<name>, to rotate it: README, "Operations").
#
#   secrets/jwt-secret                  HS256 secret for bearer tokens (not needed with JWKS_URL)
#   secrets/export-signing-key.pem      Ed25519 key that signs audit exports (PKCS#8)
#   secrets/kurrentdb-admin-password    KurrentDB's admin and ops users, set when its data volume is created
#   secrets/kurrentdb-ops-password
#   secrets/eventstore-url              kurrentdb://admin:…@kurrentdb:2113?tls=true&tlsCAFile=… (the API's EVENTSTORE_URL_FILE)
#   secrets/mongodb-root-password       MongoDB's root user, for administration only
#   secrets/mongodb-app-password        the API's MongoDB user (readWrite on the celltrail database only)
#   secrets/mongodb-url                 mongodb://celltrail:…@mongodb:27017/celltrail?… (the API's MONGODB_URL_FILE)
#   secrets/mongodb-keyfile             replica-set member authentication
#   secrets/tls/ca/ca.crt               the private CA that signs the certificates below (its key: secrets/tls/ca-key/ca.key)
#   secrets/tls/{kurrentdb,mongodb,proxy}/node.{crt,key}   server certificates (es-gencert-cli, the KurrentDB vendor's tool)
#
# The directory is owner-only (0700); the files in it are world-readable (0644) because the services
# run as their own users inside the containers and Compose mounts secret files as they are on the host.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secrets_dir="${CELLTRAIL_SECRETS_DIR:-$repo_root/secrets}"
hostname="${CELLTRAIL_HOSTNAME:-localhost}"

log() { echo "setup.sh: $*" >&2; }

certificates=true
case "${1:-}" in
  '') ;;
  --secrets-only) certificates=false ;;
  *)
    echo "usage: bash deploy/setup.sh [--secrets-only]" >&2
    exit 2
    ;;
esac

command -v openssl >/dev/null || { log "OpenSSL is required"; exit 1; }

umask 022
mkdir -p "$secrets_dir/tls"
chmod 0700 "$secrets_dir"

# write NAME CONTENT: creates the file unless it exists (a rerun never changes a secret in use)
write() {
  local file="$secrets_dir/$1"
  if [[ -s "$file" ]]; then
    log "keeping $1"
    return 0
  fi
  printf '%s\n' "$2" >"$file.tmp"
  chmod 0644 "$file.tmp"
  mv "$file.tmp" "$file"
  log "created $1"
}
read_secret() { tr -d '\n' <"$secrets_dir/$1"; }

write jwt-secret "$(openssl rand -hex 32)"
if [[ ! -s "$secrets_dir/export-signing-key.pem" ]]; then
  openssl genpkey -algorithm ed25519 -out "$secrets_dir/export-signing-key.pem.tmp"
  chmod 0644 "$secrets_dir/export-signing-key.pem.tmp"
  mv "$secrets_dir/export-signing-key.pem.tmp" "$secrets_dir/export-signing-key.pem"
  log "created export-signing-key.pem"
fi

# Hex passwords need no escaping in a URL.
write kurrentdb-admin-password "$(openssl rand -hex 24)"
write kurrentdb-ops-password "$(openssl rand -hex 24)"
write eventstore-url "kurrentdb://admin:$(read_secret kurrentdb-admin-password)@kurrentdb:2113?tls=true&tlsVerifyCert=true&tlsCAFile=/run/secrets/ca.crt"

write mongodb-root-password "$(openssl rand -hex 24)"
write mongodb-app-password "$(openssl rand -hex 24)"
write mongodb-url "mongodb://celltrail:$(read_secret mongodb-app-password)@mongodb:27017/celltrail?replicaSet=rs0&authSource=celltrail&tls=true&tlsCAFile=/run/secrets/ca.crt"
write mongodb-keyfile "$(openssl rand -base64 756)"

if [[ "$certificates" == false ]]; then
  log "secrets done; place the certificates under $secrets_dir/tls (see the list at the top of this script)"
  exit 0
fi

# Certificates: the vendor's generator image, pinned in docker-compose.yml (service "certs").
docker compose version >/dev/null 2>&1 || { log "Docker Compose v2 (docker compose) is required"; exit 1; }
CELLTRAIL_HOSTNAME="$hostname" CELLTRAIL_SECRETS_DIR="$secrets_dir" \
  docker compose -f "$repo_root/docker-compose.yml" --profile setup run --rm --user "$(id -u):$(id -g)" certs
log "done; next: docker compose up -d --build"
