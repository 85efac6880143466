#!/usr/bin/env bash
# Rampart vs Rspamd vs SpamAssassin on the same corpus, the same cores, in the same run.
#
#   bench/peers.sh [start|run|stop|all] [PeerComparison options...]
#     start  install (apt-get) and start dnsmasq (refusing resolver), redis, rspamd and spamd on loopback
#     run    run io.rampart.bench.peers.PeerComparison (Rampart in-process, then Rspamd, then spamd)
#     stop   stop what start started (by the pid files under $STATE)
#     all    start, run, stop (default)
#   Options go to PeerComparison: --labels FILE --limit N --concurrency N --engines rampart,rspamd,spamassassin
#     --warmup N --max-seconds S
#
# Offline and fair, per shared/PEERS.md: Rspamd's DNS goes to a local dnsmasq that answers REFUSED at
# once (no blocklist waits, no NXDOMAIN verdicts); greylisting and rate limits are off; spamd runs local
# tests only (-L). Every server listens on 127.0.0.1 only. Only Rspamd's /etc/rspamd/local.d/ files
# listed below are written; everything else lives in $STATE.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${RAMPART_PEERS_STATE:-/tmp/rampart-peers}"
DNS_PORT="${RAMPART_PEERS_DNS_PORT:-5353}"
REDIS_PORT="${RAMPART_PEERS_REDIS_PORT:-6379}"
SPAMD_PORT=7830
CORES="$(nproc)"

action="${1:-all}"
case "$action" in start|run|stop|all) shift || true ;; *) action=all ;; esac

log() { echo "peers: $*" >&2; }

install_packages() {
  local missing=()
  command -v rspamd >/dev/null || missing+=(rspamd)
  command -v spamd >/dev/null || missing+=(spamassassin)
  command -v spamc >/dev/null || missing+=(spamc)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v dnsmasq >/dev/null || missing+=(dnsmasq-base)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    # RUNLEVEL=1: do not let the packages start their services (we start our own, on loopback).
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get -o DPkg::Lock::Timeout=600 update -q
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
  fi
}

wait_for() { # description, attempts, command...
  local what="$1" tries="$2"; shift 2
  for _ in $(seq "$tries"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  log "$what did not come up"; return 1
}

configure_rspamd() {
  local d=/etc/rspamd/local.d
  mkdir -p "$d"
  cat > "$d/options.inc" <<CONF
# Rampart benchmark (bench/peers.sh): a local resolver that refuses at once; no network lookups wait.
dns { nameserver = ["127.0.0.1:$DNS_PORT"]; timeout = 0.2s; retransmits = 0; }
CONF
  echo "bind_socket = \"127.0.0.1:11333\"; count = $CORES;" > "$d/worker-normal.inc"
  echo 'bind_socket = "127.0.0.1:11334";' > "$d/worker-controller.inc"
  echo 'bind_socket = "127.0.0.1:11332";' > "$d/worker-proxy.inc"
  echo "servers = \"127.0.0.1:$REDIS_PORT\";" > "$d/redis.conf"
  echo 'enabled = false;' > "$d/greylist.conf"
  echo 'enabled = false;' > "$d/ratelimit.conf"
}

start() {
  install_packages
  mkdir -p "$STATE"
  if ! [ -s "$STATE/dnsmasq.pid" ] || ! kill -0 "$(cat "$STATE/dnsmasq.pid")" 2>/dev/null; then
    dnsmasq --conf-file=/dev/null --no-resolv --no-hosts --port="$DNS_PORT" --listen-address=127.0.0.1 \
      --bind-interfaces --pid-file="$STATE/dnsmasq.pid" </dev/null >>"$STATE/daemons.out" 2>&1
  fi
  if ! [ -s "$STATE/redis.pid" ] || ! kill -0 "$(cat "$STATE/redis.pid")" 2>/dev/null; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$STATE/redis.pid" \
      --dir "$STATE" --save '' --appendonly no --logfile "$STATE/redis.log" </dev/null >>"$STATE/daemons.out" 2>&1
  fi
  configure_rspamd
  mkdir -p /run/rspamd /var/log/rspamd /var/lib/rspamd
  chown _rspamd:_rspamd /run/rspamd /var/log/rspamd /var/lib/rspamd
  if ! curl -sf http://127.0.0.1:11334/ping >/dev/null 2>&1; then
    rspamd -u _rspamd -g _rspamd </dev/null >>"$STATE/daemons.out" 2>&1
  fi
  wait_for "rspamd" 60 curl -sf http://127.0.0.1:11333/ping
  if ! spamc -d 127.0.0.1 -p "$SPAMD_PORT" -K >/dev/null 2>&1; then
    spamd -L --listen="127.0.0.1:$SPAMD_PORT" -d -m "$CORES" -u debian-spamd --pidfile="$STATE/spamd.pid" \
      -s "$STATE/spamd.log" </dev/null >>"$STATE/daemons.out" 2>&1
  fi
  wait_for "spamd" 120 spamc -d 127.0.0.1 -p "$SPAMD_PORT" -K
  # The same check both ways: GTUBE must be flagged by each peer.
  local gtube='XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X'
  printf 'From: a@example.net\nTo: b@acme-corp.com\nSubject: t\n\n%s\n' "$gtube" > "$STATE/gtube.eml"
  log "rspamd on GTUBE: $(curl -s --data-binary @"$STATE/gtube.eml" http://127.0.0.1:11333/checkv2 | grep -o '"action":"[^"]*"')"
  log "spamc -c on GTUBE: $(spamc -d 127.0.0.1 -p "$SPAMD_PORT" -c < "$STATE/gtube.eml" || true)"
  log "up: dnsmasq 127.0.0.1:$DNS_PORT (refusing), redis 127.0.0.1:$REDIS_PORT, rspamd 127.0.0.1:11333 ($CORES workers),"\
      "spamd 127.0.0.1:$SPAMD_PORT ($CORES children)"
}

stop() {
  if [ -s /run/rspamd/rspamd.pid ]; then kill "$(cat /run/rspamd/rspamd.pid)" 2>/dev/null || true; fi
  for name in spamd redis dnsmasq; do
    if [ -s "$STATE/$name.pid" ]; then kill "$(cat "$STATE/$name.pid")" 2>/dev/null || true; rm -f "$STATE/$name.pid"; fi
  done
  log "stopped"
}

run() {
  source "$ROOT/bench/common.sh"
  bench_java io.rampart.bench.peers.PeerComparison "$@"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  run) run "$@" ;;
  all) start; trap stop EXIT; run "$@" ;;
esac
