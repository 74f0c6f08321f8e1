#!/usr/bin/env bash
# Runs one bench class (bench/<Name>.java) against the local cloud's classes, in a fresh JVM with the same
# flags as ./dev up; used by live-latency.sh and notifications.sh.
#   bash bench/on-local-cloud.sh bench/LiveLatency.java [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
source="$1"; shift
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
javac -d "$work" -cp "$CP" "$source"
# The local cloud's own log goes to a file, shown only on failure.
java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$work:$CP" "$(basename "$source" .java)" "$@" \
  2>"$work/cloud.log" || { tail -50 "$work/cloud.log" >&2; exit 1; }
