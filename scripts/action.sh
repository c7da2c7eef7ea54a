#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml): one run writes the SARIF report, a second run, replayed
# from the cache the first one filled, prints the findings as workflow commands (annotations).
set -uo pipefail
cli="$GITHUB_ACTION_PATH/bin/copydesk.js"
read -ra paths <<< "$INPUT_PATHS"
read -ra extra <<< "$INPUT_ARGS"
options=(--cache "${extra[@]}")
if [ -n "$INPUT_CHANGED_SINCE" ]; then options+=(--changed-since "$INPUT_CHANGED_SINCE"); fi
if [ -n "$INPUT_JOBS" ]; then options+=(--jobs "$INPUT_JOBS"); fi

if [ -n "$INPUT_SARIF_FILE" ]; then
  node "$cli" "${options[@]}" --format sarif --output "$INPUT_SARIF_FILE" "${paths[@]}"
  if [ $? -eq 2 ]; then echo "exit-code=2" >> "$GITHUB_OUTPUT"; exit 2; fi
  echo "sarif-file=$INPUT_SARIF_FILE" >> "$GITHUB_OUTPUT"
fi
node "$cli" "${options[@]}" --format github "${paths[@]}"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
if [ "$code" -eq 2 ] || { [ "$code" -ne 0 ] && [ "$INPUT_FAIL_ON_FINDINGS" = "true" ]; }; then exit "$code"; fi
exit 0
