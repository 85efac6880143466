#!/usr/bin/env bash
# Soak through a real James with Rampart: steady clean/GTUBE/EICAR mail to 200 users, then every id
# accounted for (delivered + quarantined + held = accepted, none lost or duplicated), heap, threads
# and open files of the James process at start and end. Exits 1 when anything is lost or misplaced.
#   bench/soak.sh            15 minutes at 10 msg/s
#   bench/soak.sh --quick    2 minutes
#   bench/soak.sh [--minutes N] [--rate R] [--users N] [--mix 80,10,10] [--senders N] [--heap 1g]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ "${1:-}" = "--quick" ]; then shift; set -- --minutes 2 "$@"; fi
bench_java io.rampart.bench.Soak "$@"
