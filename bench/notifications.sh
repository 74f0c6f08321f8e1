#!/usr/bin/env bash
# Notifications latency and exactly-once on the local cloud (real template.yaml, demo data): N families
# with e-mail and push for arrivals, one check-in each at a steady rate: p50/p95/p99 from the check-in to
# the message in the outbox; then every n-th send failing, M messages: duplicates and lost (bench/NotificationLatency.java).
#   bash bench/notifications.sh [families] [per-second] [messages] [fail-every]   (default 100 10 1000 10)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
cp_file="$(mktemp)"; work="$(mktemp -d)"; trap 'rm -rf "$cp_file" "$work"' EXIT
mvn -B -ntp -q dependency:build-classpath -pl infra/local/cloud -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# A private copy of the classpath: a build running meanwhile (mvn install) must not swap jars under the JVM.
mkdir -p "$work/lib" && cp -r infra/local/cloud/target/classes "$work/lib/local-cloud"
CP="$work/lib/local-cloud"; i=0
for f in $(tr ':' ' ' <"$cp_file"); do  # jars, and DynamoDB Local's natives, which keep their names
  i=$((i + 1)); mkdir "$work/lib/$i"; cp "$f" "$work/lib/$i/"; CP="$CP:$work/lib/$i/$(basename "$f")"
done
javac -d "$work" -cp "$CP" bench/NotificationLatency.java
# The same JVM flags as ./dev up; the local cloud's own log goes to a file, shown only on failure.
java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$work:$CP" NotificationLatency "$@" 2>"$work/cloud.log" \
  || { tail -50 "$work/cloud.log" >&2; exit 1; }
