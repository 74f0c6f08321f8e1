#!/usr/bin/env bash
# Local cloud start-up: wall time from launching a fresh JVM (infra/local/run.sh, as ./dev up does)
# to its READY line, with the real template.yaml and the demo data loaded, in memory. Beside it, in
# the same run, the floor: a fresh JVM on the same jars, flags and class-archive treatment that
# starts DynamoDB Local alone and exits (bench/StartFloor.java). The first start after a build writes
# the class archive; it is timed and reported apart, the median is of the starts after it.
#   bash bench/local-cloud-startup.sh [runs]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q install -DskipTests -pl infra/local/cloud -am
rm -rf infra/local/cloud/target/launch
CP="$(infra/local/run.sh --print-classpath)"
floor_dir="$(mktemp -d)"; trap 'rm -rf "$floor_dir"' EXIT
javac -d "$floor_dir/classes" -cp "$CP" bench/StartFloor.java
jar --create --file "$floor_dir/floor.jar" -C "$floor_dir/classes" .
FLOOR=(java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -Xlog:cds=off -XX:+AutoCreateSharedArchive
  -XX:SharedArchiveFile="$floor_dir/floor.jsa" -cp "$floor_dir/floor.jar:$CP" StartFloor)

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
start_cloud() { # prints ms to READY; a start that writes the class archive writes it as it exits
  local out t0 pid ms; out="$(mktemp)"; t0=$(now_ms)
  infra/local/run.sh --http-port 0 --ws-port 0 --dynamo-port 0 --s3-port 0 --web-port 0 >"$out" 2>&1 &
  pid=$!
  until grep -q '^READY' "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; echo "local cloud exited before READY" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( $(now_ms) - t0 ))
  grep -q 'Demo data     seeded' "$out" || { echo "demo data was not seeded" >&2; exit 1; }
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$out"
  echo "$ms"
}
time_floor() { local t0; t0=$(now_ms); "${FLOOR[@]}" >/dev/null 2>&1; echo $(( $(now_ms) - t0 )); }

first_cloud=$(start_cloud); first_floor=$(time_floor)
cloud=(); floor=()
for i in $(seq 1 "$runs"); do
  ms=$(time_floor); floor+=("$ms")
  ms=$(start_cloud); cloud+=("$ms")
done
c=$(printf '%s\n' "${cloud[@]}" | median); f=$(printf '%s\n' "${floor[@]}" | median)
echo "runs=$runs java=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}') cores=$(nproc)"
echo "local cloud, JVM start -> READY (demo data loaded): median ${c} ms  (all: ${cloud[*]})"
echo "floor, JVM start -> DynamoDB Local up -> exit:        median ${f} ms  (all: ${floor[*]})"
awk -v c="$c" -v f="$f" 'BEGIN {printf "ratio local cloud / floor: %.2f\n", c / f}'
echo "first start after a build (writes the class archive): local cloud ${first_cloud} ms, floor ${first_floor} ms"
