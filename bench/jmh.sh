#!/usr/bin/env bash
# JMH hot paths (MIME walk, full engine, QR decode, registered image/classifier analyzers).
#   bench/jmh.sh [JMH options, e.g. ParseBench -f 1 -wi 3 -i 5 -rf json]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
java -jar "$(bench_jar)" "$@"
