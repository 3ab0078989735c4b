#!/usr/bin/env bash
# The tree checks itself before the suite runs (npm test's pretest): no merge-conflict line in any
# tracked text file, Biome's lint over TypeScript and CSS (a conflict line is a parse error there
# too), then tsc's typecheck. Any finding fails. Run from the repository root, or give another
# root as the first argument (test/tree/checks-itself.test.ts plants problems in a copy).
set -euo pipefail
root="$(cd "${1:-$(dirname "$0")/../..}" && pwd)"
bin="$(cd "$(dirname "$0")/../.." && pwd)/node_modules/.bin"
cd "$root"
started=$SECONDS

# Conflict lines in files Biome does not read (README, JSON fixtures, HTML, SQL...).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [ "$(git rev-parse --show-toplevel)" = "$root" ]; then
  conflicts=$(git grep -nIE '^(<<<<<<<( |$)|=======$|>>>>>>>( |$))' -- . ':!node_modules' || true)
else
  conflicts=$(grep -rnIE --exclude-dir=node_modules --exclude-dir=.git '^(<<<<<<<( |$)|=======$|>>>>>>>( |$))' . || true)
fi
if [ -n "$conflicts" ]; then
  echo "Merge-conflict lines left in the tree:" >&2
  echo "$conflicts" >&2
  exit 1
fi

"$bin/biome" lint --error-on-warnings --max-diagnostics=30 --log-level=none .
"$bin/tsc" -p . --incremental --tsBuildInfoFile .tmp/tsc.tsbuildinfo
echo "lint and typecheck passed in $((SECONDS - started)) s"
