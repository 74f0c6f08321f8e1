#!/usr/bin/env bash
# What a provider pays AWS per person supported per month: one simulated week of a typical person on
# the local cloud (real template, functions, tables and demo data), metered and priced at the dated
# eu-west-2 list prices in bench/cost/prices-eu-west-2.tsv. See bench/cost/CostBench.java for what is
# simulated and measured; docs/benchmarks.md has the table and where the money goes.
#   bash bench/cost.sh          (PEOPLE=N: people sharing the stack's per-minute sweep, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
CP="$(infra/local/run.sh --print-classpath)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
javac -nowarn -d "$work" -cp "$CP" bench/cost/Meter.java bench/cost/CostBench.java
# The SDK loads global interceptors named in this resource: every client of every function is metered.
mkdir -p "$work/software/amazon/awssdk/global/handlers"
echo Meter > "$work/software/amazon/awssdk/global/handlers/execution.interceptors"
java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$work:$CP" CostBench "$PWD" 2>"$work/stderr.log" \
  || { tail -40 "$work/stderr.log"; exit 1; }
echo "date=$(date -u +%F) java=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}') prices: $(sed -n 's/^# .*recorded \([0-9-]*\).*/\1/p' bench/cost/prices-eu-west-2.tsv)"
