#!/usr/bin/env bash
# Local cloud start-up: wall time from launching a fresh JVM to its READY line, with the real
# template.yaml and the demo data loaded, in memory. Beside it, in the same run, the floor: a fresh
# JVM on the same classpath that starts DynamoDB Local alone and exits (bench/StartFloor.java).
#   bash bench/local-cloud-startup.sh [runs]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
cp_file="$(mktemp)"; trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q dependency:build-classpath -pl infra/local/cloud -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
CP="infra/local/cloud/target/classes:$(cat "$cp_file")"
FLAGS=(--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1)
floor_dir="$(mktemp -d)"; javac -d "$floor_dir" -cp "$CP" bench/StartFloor.java

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

cloud=(); floor=()
for i in $(seq 1 "$runs"); do
  t0=$(now_ms)
  java "${FLAGS[@]}" -cp "$floor_dir:$CP" StartFloor >/dev/null 2>&1
  floor+=($(( $(now_ms) - t0 )))

  out="$(mktemp)"; t0=$(now_ms)
  java "${FLAGS[@]}" -cp "$CP" org.whatmatters.local.cloud.LocalCloud --http-port 0 --ws-port 0 \
    --dynamo-port 0 --s3-port 0 --web-port 0 >"$out" 2>&1 &
  pid=$!
  until grep -q '^READY' "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out"; echo "local cloud exited before READY" >&2; exit 1; }
    sleep 0.02
  done
  cloud+=($(( $(now_ms) - t0 )))
  grep -q 'Demo data     seeded' "$out" || { echo "demo data was not seeded" >&2; exit 1; }
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$out"
done
rm -rf "$floor_dir"
c=$(printf '%s\n' "${cloud[@]}" | median); f=$(printf '%s\n' "${floor[@]}" | median)
echo "runs=$runs java=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}') cores=$(nproc)"
echo "local cloud, JVM start -> READY (demo data loaded): median ${c} ms  (all: ${cloud[*]})"
echo "floor, JVM start -> DynamoDB Local up -> exit:        median ${f} ms  (all: ${floor[*]})"
awk -v c="$c" -v f="$f" 'BEGIN {printf "ratio local cloud / floor: %.2f\n", c / f}'
