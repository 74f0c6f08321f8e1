#!/usr/bin/env bash
# Survey response write latency on DynamoDB Local (in-JVM, in memory): a plain PutItem of the response
# item vs the API's write, one TransactWriteItems holding the item and its two aggregate updates.
# Interleaved in one run; see bench/ResponseWriteBench.java.
#   bash bench/response-write.sh [warm-up] [measured]     (default 300 500)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
cp_file="$(mktemp)"; out="$(mktemp -d)"; trap 'rm -rf "$cp_file" "$out"' EXIT
mvn -B -ntp -q dependency:build-classpath -pl infra/local/cloud -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
CP="infra/local/cloud/target/classes:$(cat "$cp_file")"
javac -d "$out" -cp "$CP" bench/ResponseWriteBench.java
# DynamoDB Local prints its start-up banner to stdout: show only the results.
java --enable-native-access=ALL-UNNAMED -cp "$out:$CP" org.whatmatters.data.ResponseWriteBench "$@" 2>/dev/null \
  | sed -n "/^warm-up=/,\$p"
