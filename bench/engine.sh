#!/usr/bin/env bash
# Rampart's analysis over the labelled corpus: msg/s and p50/p99/max per message, 1 thread and all cores.
#   bench/engine.sh [--labels FILE] [--limit N] [--threads N] [--passes N] [--warmup-seconds S]
#                   [--max-seconds S] [--mode inline|scan] [--per-analyzer] [--config rampart.properties]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_java io.rampart.bench.EngineBenchmark "$@"
