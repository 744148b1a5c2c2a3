#!/usr/bin/env bash
# The HL7 FHIR R4 validator (HAPI FHIR 8.4.0, pinned in tools/fhir-validator/pom.xml) that the FHIR export
# tests run over exported bundles (test/fhir/validation.test.ts).
#
#   bash .ci/fhir-validator.sh    build the jar if it is missing or older than its module, print its path
#
# Only the jar's path goes to stdout, so `CELLTRAIL_FHIR_VALIDATOR_JAR="$(bash .ci/fhir-validator.sh)"` works.
# Needs Java 17 and Maven; the first build downloads about 150 MB from Maven Central into ~/.m2 (a minute
# or so), later builds of a changed module take seconds, and an up-to-date jar is not rebuilt.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$repo_root/tools/fhir-validator"
jar="$module/target/fhir-validator.jar"

log() { echo "fhir-validator.sh: $*" >&2; }

needs_build() {
  [[ -f "$jar" && -d "$module/target/lib" ]] || return 0
  [[ -n "$(find "$module/pom.xml" "$module/src" -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  command -v mvn >/dev/null || { log "Maven (and Java 17) are required to build the FHIR validator"; exit 1; }
  log "building the FHIR validator from tools/fhir-validator (the first build downloads its dependencies)"
  # clean: a dependency dropped from the pom must not linger in target/lib.
  (cd "$module" && mvn -q -B -Dstyle.color=never clean package) >&2
fi
echo "$jar"
