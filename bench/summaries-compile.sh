#!/usr/bin/env bash
# Summary compile time as stored responses and visits grow: 10k, 100k, 1M in one run. Items are
# bulk-loaded, the aggregates they would have produced added; the compile reads aggregates only, so
# the goal is a flat line. See bench/SummaryCompileBench.java. Takes about 10 minutes (loading 1M).
#   bash bench/summaries-compile.sh [levels] [rounds]     (default 10000,100000,1000000 15)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
cp_file="$(mktemp)"; out="$(mktemp -d)"; trap 'rm -rf "$cp_file" "$out"' EXIT
mvn -B -ntp -q dependency:build-classpath -pl infra/local/cloud -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
CP="infra/local/cloud/target/classes:$(cat "$cp_file")"
javac -d "$out" -cp "$CP" bench/SummaryCompileBench.java
# DynamoDB Local prints its start-up banner to stdout: show only the results.
java --enable-native-access=ALL-UNNAMED -cp "$out:$CP" org.whatmatters.data.SummaryCompileBench "$@" 2>/dev/null \
  | sed -n "/^java=/,\$p"
