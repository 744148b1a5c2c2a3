#!/bin/bash
# Runs inside the es-gencert-cli image (docker-compose.yml, service "certs", started by deploy/setup.sh):
# a private CA and one server certificate per service, in /certs (secrets/tls on the host).
# Existing files are kept; delete a directory to issue that certificate again.
set -euo pipefail
cd /certs

days="${CELLTRAIL_CERT_DAYS:-825}"
hostname="${CELLTRAIL_HOSTNAME:-localhost}"

if [[ -s ca/ca.crt && -s ca-key/ca.key ]]; then
  echo "certs: keeping the CA" >&2
else
  es-gencert-cli create-ca -out ./ca-new -days 3650
  mkdir -p ca ca-key
  mv ca-new/ca.crt ca/ca.crt
  mv ca-new/ca.key ca-key/ca.key
  rmdir ca-new
fi

# issue NAME DNS_NAMES [IP_ADDRESSES]
issue() {
  local name="$1" dns="$2" ips="${3:-}"
  if [[ -s "$name/node.crt" ]]; then
    echo "certs: keeping $name" >&2
    return 0
  fi
  local args=(create-node -ca-certificate ./ca/ca.crt -ca-key ./ca-key/ca.key -out "./$name" -days "$days" -dns-names "$dns")
  [[ -n "$ips" ]] && args+=(-ip-addresses "$ips")
  es-gencert-cli "${args[@]}"
}

# localhost and 127.0.0.1: the health checks, and host tools through the loopback-published ports.
issue kurrentdb kurrentdb,localhost 127.0.0.1
issue mongodb mongodb,localhost 127.0.0.1
issue proxy "$hostname"
# mongod takes its certificate and key as one PEM file.
cat mongodb/node.crt mongodb/node.key >mongodb/mongodb.pem

# Readable by the services' own users in their containers (the secrets directory itself is 0700);
# the CA key is never mounted into any container and stays owner-only.
chmod 0644 ca/ca.crt kurrentdb/node.* mongodb/node.* mongodb/mongodb.pem proxy/node.*
chmod 0700 ca-key
chmod 0600 ca-key/ca.key
