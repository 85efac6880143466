#!/usr/bin/env bash
# End to end: James 3.8.1 with Rampart vs the same James with its stock mailetcontainer.xml, one after
# the other, over loopback SMTP with real corpus messages to 200 users; SMTP accept rate, processing
# throughput, accept-to-mailbox latency (IMAP probes), heap and RSS of the James process.
#   bench/e2e.sh [--messages 3000] [--users 200] [--connections 8] [--probes 4] [--warmup 300]
#                [--heap 1g] [--setups rampart,stock] [--max-seconds 600] [--labels FILE] [--work-dir DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_java io.rampart.bench.EndToEnd "$@"
