#!/usr/bin/env bash
# The benchmark (see bench/README.md). Usage: bench/run.sh [--sizes 1000,5000] [--runs 3] [--tools check,check-no-cache,plan,vanilla,cdk,cdk-default]
# Set BENCH_SKIP_BUILD=1 to measure the current dist/ without rebuilding it.
# Installs the CDK baseline (aws-cdk-lib, constructs, cdk-nag: bench/cdk/package-lock.json) when bench/cdk/node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  echo "bench: GNU time (/usr/bin/time) is missing: apt-get install -y time" >&2
  exit 2
fi
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  npm run --silent build
fi
if [ ! -d bench/cdk/node_modules/aws-cdk-lib ] && [[ " $* " != *" --report-only "* ]]; then
  echo "bench: installing the CDK baseline: npm ci --prefix bench/cdk" >&2
  npm ci --prefix bench/cdk --no-audit --no-fund
fi
node node_modules/typescript/bin/tsc -p bench/tsconfig.json
exec node bench/out/js/run.js "$@"
