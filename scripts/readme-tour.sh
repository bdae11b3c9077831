#!/bin/sh
# Replays the README's tour against a fresh daemon and prints each step with the reply it really
# got, ready to paste into README.md: `scripts/readme-tour.sh [BUILD_DIR] < scripts/readme-tour.steps`.
# A step is a line `rpc 'JSON'` (sent with socat), `accrue ARGS` (the CLI on the same socket;
# `DATA` stands for the ledger directory), `sh COMMAND` (`SPOOL` is the reminder spool),
# or a `#` comment (copied); replies are printed as `# …` comment lines, CLI output as is.
set -eu
BIN=${1:-.build/debug}
DIR=$(mktemp -d)
"$BIN/accrued" --data-dir "$DIR/data" --socket "$DIR/accrued.sock" --log-level warning &
PID=$!
trap 'kill $PID; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
while [ ! -S "$DIR/accrued.sock" ]; do sleep 0.1; done
export ACCRUE_SOCKET="$DIR/accrued.sock"
while IFS= read -r line; do
    case "$line" in
    rpc\ *)
        json=${line#rpc \'}
        json=${json%\'}
        printf '%s\n' "$line"
        printf '%s\n' "$json" | socat - UNIX-CONNECT:"$ACCRUE_SOCKET" | sed 's/^/# /'
        ;;
    accrue\ *)
        # `DATA` in a step stands for the daemon's ledger directory, shown as ./var/data.
        printf '$ %s\n' "$line" | sed 's|DATA|./var/data|g'
        args=$(printf '%s' "${line#accrue }" | sed "s|DATA|$DIR/data|g")
        eval "\"$BIN/accrue\" $args" 2>&1 | sed "s|$DIR|./var|g" || true
        ;;
    sh\ *)
        # A shell command; `SPOOL` stands for the spool directory beside the ledger.
        printf '$ %s\n' "${line#sh }" | sed 's|DATA|./var/data|g; s|SPOOL|./var/spool|g'
        cmd=$(printf '%s' "${line#sh }" | sed "s|DATA|$DIR/data|g; s|SPOOL|$DIR/spool|g")
        eval "$cmd" 2>&1 | sed "s|$DIR|./var|g" || true
        ;;
    *) printf '%s\n' "$line" ;;
    esac
done
