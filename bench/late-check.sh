#!/usr/bin/env bash
# The late/missed check (LateCheck.run()) over a day of 1,000 visits vs a day of 100,000 on DynamoDB Local
# (in-JVM, in memory), two tables interleaved in one run, the same 10 overdue visits in each (5 become late,
# 5 missed): the goal is a median ratio 100k / 1k of at most 1.5. See bench/LateCheckBench.java.
# About 2-3 minutes, most of it loading the 100,000.
#   bash bench/late-check.sh [warm-up] [measured]     (default 50 200 per table)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
cp_file="$(mktemp)"; out="$(mktemp -d)"; trap 'rm -rf "$cp_file" "$out"' EXIT
mvn -B -ntp -q dependency:build-classpath -pl infra/local/cloud -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
CP="infra/local/cloud/target/classes:$(cat "$cp_file")"
javac -d "$out" -cp "$CP" bench/LateCheckBench.java
# DynamoDB Local prints its start-up banner to stdout: show only the results.
java --enable-native-access=ALL-UNNAMED -cp "$out:$CP" org.whatmatters.data.LateCheckBench "$@" 2>/dev/null \
  | sed -n "/^java=/,\$p"
