/// The pre-commit hook `pathc init` installs, the same as this repository's `.githooks/pre-commit`.
public enum PreCommitHook {
    public static let script = ####"""
#!/usr/bin/env bash
# pathc pre-commit hook: checks what is staged (the index, not the working tree), reports on the
# staged content files only, and resolves references against the whole repository.
# Turn it on with: git config core.hooksPath .githooks
# Which pathc runs: $PATHC when set, else pathc on the PATH, else (in pathc's own repository)
# .build/release/pathc, built first when it is missing or older than the sources.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"

# A folder named in the staged pathc.yaml (`content:`, `schemas:` or `house_rules:`), without
# quotes, comment or ./. The staged file, not the working tree's: that is what the commit holds.
# A folder that leaves the repository is not copied; pathc then reports the setting.
staged_config=$(git show :pathc.yaml 2>/dev/null || true)
setting() {
  local value=""
  value=$(printf '%s\n' "$staged_config" | sed -n "s/^$1:[[:space:]]*//p" | head -n 1 |
    sed -e 's/[[:space:]]#.*$//' -e 's/[[:space:]]*$//' -e "s/^[\"']//" -e "s/[\"']\$//")
  value=${value#./}
  value=${value%/}
  case "$value" in
    /* | .. | ../* | */.. | */../*) value="" ;;
  esac
  printf '%s' "${value:-$2}"
}
content=$(setting content pathways)
schemas=$(setting schemas schemas)
house=$(setting house_rules house-rules)
prefix="$content/"
[ "$content" = "." ] && prefix=""

# What the commit changes, NUL-separated so that any file name survives. Content files are
# reported on; pathc.yaml, a schema, a house rule or a deleted content file can break any file,
# so then every file is reported on.
files=()
everything=0
while IFS= read -r -d '' status && IFS= read -r -d '' path; do
  case "$path" in
    pathc.yaml | "$schemas"/* | "$house"/*) everything=1 ;;
    "$prefix"*.yaml | "$prefix"*.yml)
      if [ "$status" = D ]; then everything=1; else files+=("$path"); fi ;;
  esac
done < <(git diff --cached --name-status --no-renames -z)

# Nothing relevant staged: nothing to check, and no delay.
[ "$everything" -eq 0 ] && [ "${#files[@]}" -eq 0 ] && exit 0

pathc=${PATHC:-$(command -v pathc || true)}
if [ -z "$pathc" ] && [ -f Package.swift ] && grep -q 'name: "pathc"' Package.swift; then
  pathc="$root/.build/release/pathc"
  if [ ! -x "$pathc" ] || [ -n "$(find Sources Package.swift -newer "$pathc" -print -quit)" ]; then
    echo "pathc pre-commit: building pathc first (swift build -c release --product pathc)..." >&2
    swift build -c release --product pathc >&2
  fi
fi
if [ -z "$pathc" ]; then
  echo "pathc pre-commit: pathc is not on the PATH; install it, set PATHC, or skip this hook once with --no-verify" >&2
  exit 1
fi

# The staged snapshot of what the check reads, so that a fix left unstaged still fails.
snapshot=$(mktemp -d "${TMPDIR:-/tmp}/pathc-pre-commit.XXXXXX")
trap 'rm -rf "$snapshot"' EXIT
git ls-files -z -- pathc.yaml "$schemas" "$house" "$content" | git checkout-index -z --stdin --prefix="$snapshot/"
cd "$snapshot"
# The staged content files, for the formatting check below (a check of everything clears the list).
staged=(${files[@]+"${files[@]}"})
[ "$everything" -eq 1 ] && files=()
status=0
"$pathc" check --quiet -- ${files[@]+"${files[@]}"} || status=$?
if [ "$status" -ne 0 ]; then
  echo "pathc pre-commit: the staged files have problems (above); fix them and stage the fix, or skip this check once with git commit --no-verify" >&2
fi

# Optional: the staged content files in pathc fmt's layout. Off unless asked for, with
# `git config pathc.fmtCheck true`, so that a pathc without `fmt` keeps working with this hook.
if [ "${#staged[@]}" -gt 0 ] && [ "$(git -C "$root" config --bool pathc.fmtCheck 2>/dev/null || true)" = true ]; then
  if ! "$pathc" fmt --check --quiet -- "${staged[@]}" >&2; then
    echo "pathc pre-commit: the staged files above are not formatted; run 'pathc fmt' on them and stage the result, or skip this check once with git commit --no-verify" >&2
    status=1
  fi
fi
exit "$status"
"""####
}
