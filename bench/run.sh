#!/usr/bin/env bash
# The planner benchmark (see bench/README.md). Usage: bench/run.sh [--sizes 1000,5000] [--runs 3]
# Set BENCH_SKIP_BUILD=1 to measure the current dist/ without rebuilding it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  echo "bench: GNU time (/usr/bin/time) is missing: apt-get install -y time" >&2
  exit 2
fi
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  npm run --silent build
fi
node node_modules/typescript/bin/tsc -p bench/tsconfig.json
exec node bench/out/js/run.js "$@"
