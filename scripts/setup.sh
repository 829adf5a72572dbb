#!/usr/bin/env bash
# Installs the workspace with the pinned pnpm and builds every package and app.
# Works on a fresh machine with Node 20 and npm only.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 NEXT_TELEMETRY_DISABLED=1
pnpm_cmd() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "10.34.9" ]; then
    pnpm "$@"
  else
    npx -y pnpm@10.34.9 "$@"
  fi
}
if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  pnpm_cmd install --frozen-lockfile --reporter=silent >&2
fi
pnpm_cmd exec turbo run build --output-logs=errors-only >&2
