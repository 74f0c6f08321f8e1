#!/usr/bin/env bash
# Live updates latency: on the local cloud (real template.yaml, demo data, in memory), N families
# connected over WebSocket and a steady stream of check-ins over HTTP; p50/p95/p99 from the check-in
# request (and from its response) to each family's visit.started (bench/LiveLatency.java).
#   bash bench/live-latency.sh [families] [check-ins] [per-second]     (default 100 150 10)
exec bash "$(dirname "$0")/on-local-cloud.sh" bench/LiveLatency.java "$@"
