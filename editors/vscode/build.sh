#!/usr/bin/env bash
# Build the VS Code extension into editors/vscode/guidelint.vsix and check it:
# the manifest vsce validates while packaging, and the packaged files.
# Needs node and npm (the npm registry); run by hand or by .ci/run.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
npx tsc -p .
npx vsce package --skip-license --out guidelint.vsix
listing=$(unzip -l guidelint.vsix)
for file in extension/package.json extension/out/extension.js \
    extension/node_modules/vscode-languageclient/package.json extension/readme.md; do
  grep -q " $file\$" <<<"$listing" || { echo "guidelint.vsix lacks $file" >&2; exit 1; }
done
node -e '
  const m = require("./package.json");
  const props = m.contributes.configuration.properties;
  for (const key of ["guidelint.path", "guidelint.run", "guidelint.trace.server"]) {
    if (!(key in props)) { console.error("manifest lacks setting " + key); process.exit(1); }
  }
  if (m.main !== "./out/extension.js") { console.error("manifest main is " + m.main); process.exit(1); }
'
echo "built $(pwd)/guidelint.vsix"
