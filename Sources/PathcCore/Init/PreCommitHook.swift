/// The pre-commit hook `pathc init` installs, the same as this repository's `.githooks/pre-commit`.
public enum PreCommitHook {
    public static let script = ####"""
#!/usr/bin/env bash
# pathc pre-commit hook: checks what is staged (the index, not the working tree), reports on the
# staged pathway files only, and resolves references against the whole repository.
# Turn it on with: git config core.hooksPath .githooks
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"

# Nothing staged under the content folder or the schemas: nothing to check, and no delay.
mapfile -d '' staged < <(git diff --cached --name-only --diff-filter=ACMR -z -- '*.yaml' '*.yml')
[ "${#staged[@]}" -eq 0 ] && exit 0

# Find pathc: on the PATH, or built from this repository when it is pathc's own.
pathc=$(command -v pathc || true)
if [ -z "$pathc" ] && [ -f Package.swift ] && grep -q 'name: "pathc"' Package.swift; then
  pathc="$root/.build/release/pathc"
  if [ ! -x "$pathc" ] || [ -n "$(find Sources Package.swift -newer "$pathc" -print -quit)" ]; then
    echo "pathc pre-commit: building pathc (swift build -c release)..." >&2
    swift build -c release --product pathc >&2
  fi
fi
if [ -z "$pathc" ]; then
  echo "pathc pre-commit: pathc is not on the PATH; install it or skip this hook with --no-verify" >&2
  exit 1
fi

# Check the staged snapshot: a fix that is not staged must still fail.
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
git checkout-index --all --prefix="$snapshot/"
cd "$snapshot"
"$pathc" check --quiet "${staged[@]}"
"""####
}
