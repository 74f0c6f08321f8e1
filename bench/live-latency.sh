#!/usr/bin/env bash
# Live updates latency: on the local cloud (real template.yaml, demo data, in memory), N families
# connected over WebSocket and a steady stream of check-ins over HTTP; p50/p95/p99 from the check-in
# request (and from its response) to each family's visit.started (bench/LiveLatency.java).
#   bash bench/live-latency.sh [families] [check-ins] [per-second]     (default 100 150 10)
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
javac -d "$work" -cp "$CP" bench/LiveLatency.java
# The same JVM flags as ./dev up; the local cloud's own log goes to a file, shown only on failure.
java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$work:$CP" LiveLatency "$@" 2>"$work/cloud.log" \
  || { tail -50 "$work/cloud.log" >&2; exit 1; }
