#!/usr/bin/env bash
# npm run lint:firefox — Mozilla's add-on linter (web-ext lint) over the built
# Firefox extension. Store-ready means 0 errors AND 0 warnings, so warnings fail
# too. Run `npm run build` first. Usage: scripts/lint-firefox.sh [dir]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.output/firefox-mv2}
if [ ! -f "$dir/manifest.json" ]; then echo "lint:firefox: $dir/manifest.json missing (run npm run build)" >&2; exit 2; fi
# Without --self-hosted the linter checks as for addons.mozilla.org (the stricter case).
exec npx --no-install web-ext lint --source-dir "$dir" --warnings-as-errors --no-config-discovery "${@:2}"
