#!/usr/bin/env bash
# Notifications latency and exactly-once on the local cloud (real template.yaml, demo data): N families
# with e-mail and push for arrivals, one check-in each at a steady rate: p50/p95/p99 from the check-in to
# the message in the outbox; then every n-th send failing, M messages: duplicates and lost
# (bench/NotificationLatency.java).
#   bash bench/notifications.sh [families] [per-second] [messages] [fail-every]   (default 100 10 1000 10)
exec bash "$(dirname "$0")/on-local-cloud.sh" bench/NotificationLatency.java "$@"
