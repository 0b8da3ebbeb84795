#!/usr/bin/env bash
# Builds the Rego pack (policies/opa) into the committed WebAssembly artifact
# policies/opa/dist/phiguard.wasm that phiguard's Rego engine loads with @open-policy-agent/opa-wasm.
#
#   scripts/build-rego.sh                 build policies/opa/dist/phiguard.wasm
#   scripts/build-rego.sh --out FILE      build into FILE instead (CI compares it with the committed one)
#   scripts/build-rego.sh capabilities [FILE]
#                                         regenerate policies/opa/capabilities.json (or write FILE)
#   scripts/build-rego.sh opa             print the path of the pinned opa binary (installing it)
#
# Needs Go (the pinned OPA is installed with `go install` into $(go env GOPATH)/bin on first use)
# and Node with this repo's node_modules (for the capabilities). Users of the phiguard package never
# need any of this: they load the committed wasm.
set -euo pipefail
cd "$(dirname "$0")/.."

OPA_VERSION="v1.22.2"
PACK="policies/opa"
WASM="$PACK/dist/phiguard.wasm"
CAPABILITIES="$PACK/capabilities.json"
ENTRYPOINTS=(phiguard/findings phiguard/rules)

die() { echo "build-rego: $*" >&2; exit 2; }

# The pinned opa binary, installed into GOPATH/bin when missing or of another version.
opa_bin() {
  command -v go >/dev/null || die "Go is required to install OPA ${OPA_VERSION} (https://go.dev/dl/)"
  local bin
  bin="$(go env GOPATH)/bin/opa"
  if [[ ! -x "$bin" ]] || [[ "$("$bin" version 2>/dev/null | sed -n 's/^Version: //p')" != "${OPA_VERSION#v}" ]]; then
    echo "build-rego: installing opa ${OPA_VERSION} into $(dirname "$bin")" >&2
    go install "github.com/open-policy-agent/opa@${OPA_VERSION}" >&2
  fi
  echo "$bin"
}

# The OPA module's source directory (in the Go module cache), for its capabilities and builtins.
opa_source() {
  go mod download -json "github.com/open-policy-agent/opa@${OPA_VERSION}" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);if(!m.Dir)process.exit(1);console.log(m.Dir)})'
}

# Capabilities for @open-policy-agent/opa-wasm: OPA's own capabilities of this version, limited to
# the built-ins the compiled wasm implements natively plus those the SDK implements in JavaScript,
# minus sprintf (the SDK's sprintf-js does not format like Go's fmt, e.g. no %v), json.is_valid
# (its wasm implementation traps on a bare `true`/`false` in OPA v1.22.2: "memory access out of
# bounds") and template strings (Pulumi's OPA analyzer parses packs as Rego v0 with
# `import rego.v1`, which has none).
generate_capabilities() {
  local out="$1" src
  src="$(opa_source)" || die "cannot download github.com/open-policy-agent/opa@${OPA_VERSION}"
  OPA_SRC="$src" OPA_VERSION="$OPA_VERSION" node - "$out" <<'NODE'
const fs = require("node:fs");
const path = require("node:path");
const src = process.env.OPA_SRC;
const official = JSON.parse(fs.readFileSync(path.join(src, "capabilities", `${process.env.OPA_VERSION}.json`), "utf8"));
// Go identifiers of the built-ins the wasm compiler implements natively (its builtinsFunctions map).
const wasmGo = fs.readFileSync(path.join(src, "internal/compiler/wasm/wasm.go"), "utf8");
const table = wasmGo.slice(wasmGo.indexOf("var builtinsFunctions = map[string]string{"));
const goNames = [...table.slice(0, table.indexOf("\n}")).matchAll(/ast\.(\w+)\.Name/g)].map((m) => m[1]);
const builtinsGo = fs.readFileSync(path.join(src, "v1/ast/builtins.go"), "utf8");
const regoName = (goName) => {
  const m = new RegExp(`\\nvar ${goName} = &Builtin\\{\\s*Name:\\s*"([^"]+)"`).exec(builtinsGo);
  if (!m) throw new Error(`cannot find the Rego name of ast.${goName}`);
  return m[1];
};
const native = new Set(goNames.map(regoName));
// The SDK's JavaScript built-ins (src/builtins, next to its main module src/index.cjs).
const sdkMain = require.resolve("@open-policy-agent/opa-wasm", { paths: [process.cwd()] });
const sdk = Object.keys(require(path.join(path.dirname(sdkMain), "builtins", "index.js")));
const excluded = new Set(["sprintf", "json.is_valid", "internal.template_string"]);
// Unification (`=`) and assignment (`:=`) are compiled by the planner itself, not called.
const planner = ["assign", "eq"];
const wanted = new Set([...native, ...sdk, ...planner].filter((n) => !excluded.has(n)));
const builtins = official.builtins.filter((b) => wanted.has(b.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const missing = [...wanted].filter((n) => !builtins.some((b) => b.name === n));
if (missing.length > 0) throw new Error(`built-ins without a declaration in OPA's capabilities: ${missing.join(", ")}`);
const capabilities = {
  builtins,
  future_keywords: official.future_keywords,
  wasm_abi_versions: official.wasm_abi_versions,
  features: (official.features ?? []).filter((f) => f !== "template_strings"),
};
fs.writeFileSync(process.argv[2], JSON.stringify(capabilities, null, 2) + "\n");
NODE
}

# opa build -t wasm, then the policy.wasm out of the bundle.
build_wasm() {
  local out="$1" opa tmp
  opa="$(opa_bin)"
  [[ -f "$CAPABILITIES" ]] || die "$CAPABILITIES is missing; run scripts/build-rego.sh capabilities"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  local args=()
  for e in "${ENTRYPOINTS[@]}"; do args+=(-e "$e"); done
  "$opa" build -t wasm "${args[@]}" --capabilities "$CAPABILITIES" \
    --ignore '*_test.rego' --ignore '*.json' --ignore '*.yaml' --ignore dist \
    -o "$tmp/bundle.tar.gz" "$PACK"
  tar -xzf "$tmp/bundle.tar.gz" -C "$tmp" /policy.wasm 2>/dev/null || tar -xzf "$tmp/bundle.tar.gz" -C "$tmp" policy.wasm
  mkdir -p "$(dirname "$out")"
  cp "$tmp/policy.wasm" "$out"
}

case "${1:-build}" in
  build)
    build_wasm "$WASM"
    echo "build-rego: wrote $WASM ($(wc -c <"$WASM") bytes, opa ${OPA_VERSION})"
    ;;
  --out)
    [[ $# -eq 2 ]] || die "usage: scripts/build-rego.sh --out FILE"
    build_wasm "$2"
    ;;
  capabilities)
    generate_capabilities "${2:-$CAPABILITIES}"
    echo "build-rego: wrote ${2:-$CAPABILITIES}"
    ;;
  opa)
    opa_bin
    ;;
  *)
    die "unknown command '$1'; expected build, --out FILE, capabilities [FILE] or opa"
    ;;
esac
