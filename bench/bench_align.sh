#!/bin/sh
# bench_align.sh - alignment quality (synthetic rewrites with known truth,
# ECB+ same-event vs other-event pairs) and speed on ~600-word pairs.
# Needs ../shared/data/ecbplus (skips without it); driver: bench/align.c.
set -eu
ROOT=$(pwd)
SHARED=${PX_SHARED:-$ROOT/../shared}
DEV="$SHARED/data/ecbplus/dev.jsonl"
LABELS="$SHARED/data/ecbplus/dev.labels.tsv"
if [ ! -f "$DEV" ]; then
    echo "skip: $DEV not found"
    exit 0
fi
nice "${PX_BUILD:?}/bench/align" "$DEV" "$LABELS"
