#!/usr/bin/env bash
# CI check of the Rego pack (policies/opa): formatted, compiles in strict mode as Rego v1 and as the
# Rego v0 (with `import rego.v1`) that Pulumi's OPA analyzer parses, unit tests pass, and the
# committed capabilities.json and dist/phiguard.wasm are exactly what scripts/build-rego.sh builds
# from the sources. Needs Go (installs the pinned OPA on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

PACK="policies/opa"
OPA="$(scripts/build-rego.sh opa)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check-rego: $*" >&2; exit 1; }

echo "== opa fmt"
unformatted="$("$OPA" fmt --list "$PACK")"
[[ -z "$unformatted" ]] || fail "not formatted (run: $OPA fmt -w $PACK): $unformatted"

echo "== opa check --strict (Rego v1 and v0)"
"$OPA" check --strict --v0-v1 --capabilities "$PACK/capabilities.json" --ignore '*.json' --ignore '*.yaml' "$PACK"

echo "== opa test"
"$OPA" test --timeout 60s --ignore '*.json' --ignore '*.yaml' "$PACK"

echo "== capabilities up to date"
scripts/build-rego.sh capabilities "$tmp/capabilities.json" >/dev/null
cmp "$tmp/capabilities.json" "$PACK/capabilities.json" || fail "$PACK/capabilities.json is stale; run scripts/build-rego.sh capabilities"

echo "== committed wasm up to date"
scripts/build-rego.sh --out "$tmp/phiguard.wasm"
cmp "$tmp/phiguard.wasm" "$PACK/dist/phiguard.wasm" || fail "$PACK/dist/phiguard.wasm is stale; run scripts/build-rego.sh and commit the result"
echo "check-rego: ok"
