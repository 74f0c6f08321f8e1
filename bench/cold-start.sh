#!/usr/bin/env bash
# Cold start of every function, on this machine, against its floor, under the JVM configurations
# that decide the deployment: plain (the template's JAVA_TOOL_OPTIONS), AOT cache (JDK 25, JEP
# 483/514/515) and AppCDS; a SnapStart-with-priming estimate; jar sizes and classes loaded; and
# the cost of Powertools logging + metrics against hand-written JSON lines.
#
#   bash bench/cold-start.sh [runs]      (default 5; about 9 minutes for 5 runs on 2 cores)
#
# Each measurement is a fresh JVM on the function's real shaded jar (functions/<group>/target/
# <group>.jar) plus a tiny harness (bench/cold-start/ColdStartInvoke.java): it builds the handler with
# its public no-arg constructor, with the template's environment variables on the process, invokes
# handleRequest once with a sample event from events/ and a Context stub, checks the answer (HTTP
# status, WebSocket status, no batch item failures, a compile result) and exits. The wall time is
# taken by this script around the java process (launch -> exit); the harness also prints its in-JVM
# times (JVM start -> handler built -> first response). The floor (bench/cold-start/FloorPut.java) is a
# fresh JVM on visits.jar (same SDK) that builds one DynamoDbClient (UrlConnection client, static
# credentials, explicit region, endpoint override) and does one PutItem.
#
# The functions talk to DynamoDB Local and S3Proxy started once for the whole run by
# bench/cold-start/BenchCloud.java (template tables and bucket, the demo data the samples' ids come
# from, a stand-in for API Gateway's @connections and the token issuer's JWKS).
#
# Variants, interleaved within each run (floor, then each function, per variant); medians over runs:
#   plain  JAVA_TOOL_OPTIONS exactly as template.yaml's Globals
#   aot    + -XX:AOTCache=<fn>.aot, made beforehand by one training run per function with
#          -XX:AOTCacheOutput (JDK 25 one-step), invoking the same event (-XX:AOTMode=on: no silent
#          fallback); the floor gets its own cache
#   cds    + -XX:SharedArchiveFile=<fn>.jsa from a training run with -XX:ArchiveClassesAtExit
#          (-Xshare:on: no silent fallback)
#   primed one JVM, plain flags: construct, invoke once (priming), then time a second invocation of the
#          same event (writes land on fresh records): what a SnapStart restore would then pay for the
#          invocation, WITHOUT the restore itself, which cannot be measured here (no CRaC/Firecracker)
#
# Environment: VARIANTS="plain aot cds" (subset; plain always runs), BUILD=0 skips
# `mvn install` (the jars must then be current), KEEP=1 keeps the work folder (logs, caches),
# OFFLINE=1 runs Maven offline (everything must already be in ~/.m2).
# Needs: JDK 25 (AOT cache; with 21-24 the aot variant is dropped), Maven, curl. Maven fetches what
# it lacks (the project's dependencies, the pinned dependency plugin, Powertools 2.9.0 for the logging
# comparison); if Powertools cannot be had, that section is skipped, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bash bench/cold-start.sh [runs]" >&2; exit 2; }
started=$(date +%s)

JAVA_HOME="$(./dev java-home)"; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
for tool in java javac jar mvn curl awk sort sed paste stat; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cold-start: '$tool' is needed and not on PATH" >&2; exit 1; }
done
[[ "$(date +%s%N)" =~ ^[0-9]+$ ]] || { echo "cold-start: needs GNU date (date +%s%N)" >&2; exit 1; }
java_version="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ {print $2}')"
java_major="${java_version%%.*}"
read -r -a variants <<<"${VARIANTS:-plain aot cds}"
[[ " ${variants[*]} " == *" plain "* ]] || variants=(plain "${variants[@]}")
if [ "$java_major" -lt 25 ] && [[ " ${variants[*]} " == *" aot "* ]]; then
  echo "cold-start: WARNING: JDK $java_version has no one-step AOT cache (JDK 25+): the aot variant is dropped" >&2
  variants=("${variants[@]/aot}")
fi
read -r -a variants <<<"${variants[*]}"
TOOL_OPTS="$(awk -F'"' '/JAVA_TOOL_OPTIONS:/ {print $2; exit}' template.yaml)"
[ -n "$TOOL_OPTS" ] || { echo "cold-start: no JAVA_TOOL_OPTIONS in template.yaml Globals" >&2; exit 1; }

W="$(mktemp -d "${TMPDIR:-/tmp}/cold-start.XXXXXX")"
cloud_pid=""
cleanup() {
  local rc=$?
  if [ -n "$cloud_pid" ] && kill -0 "$cloud_pid" 2>/dev/null; then
    kill -TERM "$cloud_pid" 2>/dev/null || true
    wait "$cloud_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ] || [ "$rc" -ne 0 ]; then echo "cold-start: work folder kept: $W" >&2; else rm -rf "$W"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$W"/{h,lh,lp,cloud-classes,aot,cds,logs}
MVN=(mvn -B -ntp -q)
[ "${OFFLINE:-0}" = 1 ] && MVN+=(-o)
say() { echo "cold-start [$(( $(date +%s) - started )) s]: $*" >&2; }

# --- Build and classpaths ------------------------------------------------------------------------
if [ "${BUILD:-1}" = 1 ]; then
  say "building the function jars (mvn install -DskipTests)..."
  "${MVN[@]}" install -DskipTests >"$W/logs/mvn-package.log" 2>&1 \
    || { tail -60 "$W/logs/mvn-package.log"; say "the build failed (log above)"; exit 1; }
fi
for g in visits setup engagement live summaries; do
  [ -f "functions/$g/target/$g.jar" ] || { say "functions/$g/target/$g.jar is missing: build failed?"; exit 1; }
done
[ -d infra/local/cloud/target/classes ] || { say "infra/local/cloud is not compiled: run without BUILD=0"; exit 1; }

# The bench cloud runs on infra/local/cloud's runtime classpath, with this checkout's modules
# (target/classes) in place of whatever snapshots ~/.m2 holds.
"${MVN[@]}" dependency:build-classpath -pl infra/local/cloud -Dmdep.outputFile="$W/cloud.cp" \
  -Dmdep.includeScope=runtime >"$W/logs/mvn-cloud-cp.log" 2>&1 \
  || { cat "$W/logs/mvn-cloud-cp.log"; say "cannot resolve infra/local/cloud's classpath"; exit 1; }
CLOUD_CP="$W/cloud-classes:$PWD/infra/local/cloud/target/classes:$(tr ':' '\n' <"$W/cloud.cp" | sed -E \
  -e "s#^.*/org/whatmatters/local-engines/.*#$PWD/infra/local/engines/target/classes#" \
  -e "s#^.*/org/whatmatters/shared/.*#$PWD/shared/target/classes#" \
  -e "s#^.*/org/whatmatters/([a-z]+)-function/.*#$PWD/functions/\1/target/classes#" | paste -sd:)"
if tr ':' '\n' <<<"$CLOUD_CP" | grep -q '/repository/org/whatmatters/'; then
  say "an org.whatmatters module on the cloud classpath still comes from ~/.m2"; exit 1
fi

PT_CP=""
if "${MVN[@]}" -f bench/cold-start/powertools/pom.xml dependency:build-classpath \
     -Dmdep.outputFile="$W/pt.cp" >"$W/logs/mvn-pt-cp.log" 2>&1; then
  PT_CP="$(cat "$W/pt.cp")"
else
  say "WARNING: Powertools 2.9.0 could not be resolved (log: $W/logs/mvn-pt-cp.log): the logging comparison is SKIPPED."
fi

VISITS_JAR="functions/visits/target/visits.jar"
javac -nowarn -d "$W/h" -cp "$VISITS_JAR" bench/cold-start/{ColdStartInvoke,BenchContext,FloorPut}.java
jar cf "$W/harness.jar" -C "$W/h" .    # a jar, not a folder: AOT/CDS archive only classes from jars
javac -nowarn -d "$W/cloud-classes" -cp "$CLOUD_CP" bench/cold-start/BenchCloud.java
javac -nowarn -d "$W/lh" -cp "$VISITS_JAR" bench/cold-start/{LogHand,BenchContext}.java
jar cf "$W/loghand.jar" -C "$W/lh" .
LAMBDA_CORE="$(tr ':' '\n' <"$W/cloud.cp" | grep '/aws-lambda-java-core-' | head -1)"
[ -f "$LAMBDA_CORE" ] || { say "aws-lambda-java-core jar not found on the cloud classpath"; exit 1; }
PT_EXTRA=""; PT_EXTRA_BYTES=0; PT_EXTRA_NAMES=()
if [ -n "$PT_CP" ]; then
  javac -nowarn -d "$W/lp" -cp "$PT_CP" bench/cold-start/{LogPowertools,BenchContext}.java
  cp bench/cold-start/powertools/log4j2.xml "$W/lp/"
  jar cf "$W/logpt.jar" -C "$W/lp" .
  # What Powertools adds to a function jar: its classpath minus the artifacts visits.jar already has.
  jar tf "$VISITS_JAR" | grep '^META-INF/maven/.*/pom.properties$' >"$W/visits.artifacts"
  while read -r j; do
    rel="${j#*/repository/}"; a="$(basename "$(dirname "$(dirname "$rel")")")"
    g="$(dirname "$(dirname "$(dirname "$rel")")" | tr / .)"
    if ! grep -qx "META-INF/maven/$g/$a/pom.properties" "$W/visits.artifacts"; then
      PT_EXTRA="$PT_EXTRA:$j"; PT_EXTRA_BYTES=$((PT_EXTRA_BYTES + $(stat -c %s "$j"))); PT_EXTRA_NAMES+=("$a")
    fi
  done < <(tr ':' '\n' <<<"$PT_CP")
fi

# --- The bench cloud -----------------------------------------------------------------------------
say "starting DynamoDB Local + S3Proxy + demo data..."
java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$CLOUD_CP" BenchCloud "$W" "$PWD" \
  >"$W/logs/cloud.log" 2>&1 &
cloud_pid=$!
deadline=$(( $(date +%s) + 240 ))
until grep -q '^READY' "$W/logs/cloud.log"; do
  kill -0 "$cloud_pid" 2>/dev/null || { tail -50 "$W/logs/cloud.log"; say "the bench cloud exited before READY"; exit 1; }
  [ "$(date +%s)" -lt "$deadline" ] || { tail -50 "$W/logs/cloud.log"; say "the bench cloud is not READY after 240 s"; exit 1; }
  sleep 0.2
done
say "$(grep '^READY' "$W/logs/cloud.log")"
declare -A CLOUD
while IFS='=' read -r k v; do CLOUD[$k]="$v"; done <"$W/cloud.env"
posts() { curl -fsS "${CLOUD[BENCH_POSTS_URL]}"; }

# --- What is measured ------------------------------------------------------------------------------
# id | template function | jar group | handler | expected answer | event | template variables beyond
# TABLE_NAME | check | extra JVM flags
LIVE_VARS="CONNECTIONS_TABLE CONNECTIONS_URL JWT_ISSUER JWT_AUDIENCE"
ROWS=(
  "visits|VisitsApiFunction|visits|org.whatmatters.functions.visits.VisitsApiHandler|http:201|events/http/visits/plan-visit.json|||"
  "setup|SetupApiFunction|setup|org.whatmatters.functions.setup.SetupApiHandler|http:201|events/http/setup/create-client.json|||"
  "engagement|EngagementApiFunction|engagement|org.whatmatters.functions.engagement.EngagementApiHandler|http:201|events/http/engagement/record-story.json|||"
  "live-ping|LiveSocketFunction|live|org.whatmatters.functions.live.LiveSocketHandler|ws:200|events/websocket/live/ping.json|$LIVE_VARS|post|"
  "live-connect|LiveSocketFunction|live|org.whatmatters.functions.live.LiveSocketHandler|ws:200|$W/connect.json|$LIVE_VARS||"
  "fanout|FanOutFunction|live|org.whatmatters.functions.live.FanOutHandler|stream|events/streams/data-table/visit-started.json|CONNECTIONS_TABLE CONNECTIONS_URL|post|"
  "updates|UpdatesApiFunction|live|org.whatmatters.functions.live.UpdatesApiHandler|http:200|events/http/live/list-updates.json|||"
  "summaries|SummariesApiFunction|summaries|org.whatmatters.functions.summaries.SummariesApiHandler|http:201|events/http/summaries/create-link.json|SUMMARIES_BUCKET LINK_MAX_SECONDS||"
  "compile|CompileSummariesFunction|summaries|org.whatmatters.functions.summaries.CompileSummariesHandler|map|events/schedule/monthly-summaries.json|SUMMARIES_BUCKET||"
)
FUNCTION_ROWS=${#ROWS[@]}
if [ -n "$PT_CP" ]; then
  ROWS+=(
    "visits+hand|VisitsApiFunction|visits|org.whatmatters.functions.visits.VisitsApiHandler|http:201|events/http/visits/plan-visit.json|POWERTOOLS_SERVICE_NAME POWERTOOLS_METRICS_NAMESPACE|log|-Dbench.log=LogHand"
    "visits+pt|VisitsApiFunction|visits|org.whatmatters.functions.visits.VisitsApiHandler|http:201|events/http/visits/plan-visit.json|POWERTOOLS_SERVICE_NAME POWERTOOLS_METRICS_NAMESPACE|log|-Dbench.log=LogPowertools"
  )
fi
CLOUD[POWERTOOLS_SERVICE_NAME]=visits
CLOUD[POWERTOOLS_METRICS_NAMESPACE]=WhatMatters
ALL_IDS=(floor)
for r in "${ROWS[@]}"; do ALL_IDS+=("${r%%|*}"); done

declare -A WALL JMX SECOND LOGMS STATUS CLASSES JARCLASSES ROWSPEC
for r in "${ROWS[@]}"; do ROWSPEC[${r%%|*}]="$r"; done
ROWSPEC[floor]="floor|BenchFloor|visits|FloorPut||||"
ROWSPEC[log-empty]="log-empty|LogBench|-|LogHand noop||||"
ROWSPEC[log-hand]="log-hand|LogBench|-|LogHand||||"
ROWSPEC[log-pt]="log-pt|LogBench|-|LogPowertools||||"

# run_one ID VARIANT MODE RUN: one fresh JVM; fails the bench (printing its output) if it does not
# answer as expected. MODE: cold | primed | train-aot | train-cds | classes. Sets R_WALL (ms) and R_LINE.
run_one() {
  local id=$1 variant=$2 mode=$3 run=$4
  local _id fn group class expect event vars check jflags
  IFS='|' read -r _id fn group class expect event vars check jflags <<<"${ROWSPEC[$id]}"
  local envs=(PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC "JAVA_TOOL_OPTIONS=$TOOL_OPTS"
    AWS_LAMBDA_FUNCTION_NAME="$fn" AWS_LAMBDA_FUNCTION_VERSION='$LATEST' AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024
    AWS_EXECUTION_ENV=AWS_Lambda_java25 AWS_REGION="${CLOUD[AWS_REGION]}" AWS_DEFAULT_REGION="${CLOUD[AWS_REGION]}"
    AWS_ACCESS_KEY_ID="${CLOUD[AWS_ACCESS_KEY_ID]}" AWS_SECRET_ACCESS_KEY="${CLOUD[AWS_SECRET_ACCESS_KEY]}"
    AWS_ENDPOINT_URL_DYNAMODB="${CLOUD[AWS_ENDPOINT_URL_DYNAMODB]}" AWS_ENDPOINT_URL_S3="${CLOUD[AWS_ENDPOINT_URL_S3]}"
    TABLE_NAME="${CLOUD[TABLE_NAME]}" PROVIDER_ID="${CLOUD[PROVIDER_ID]}")
  local k; for k in $vars; do envs+=("$k=${CLOUD[$k]}"); done
  local cp main args=()
  case "$id" in
    floor) cp="$VISITS_JAR:$W/harness.jar"; main=FloorPut ;;
    log-empty) cp="$W/loghand.jar:$LAMBDA_CORE"; main=LogHand; args=(noop) ;;
    log-hand) cp="$W/loghand.jar:$LAMBDA_CORE"; main=LogHand; envs+=(POWERTOOLS_SERVICE_NAME=visits POWERTOOLS_METRICS_NAMESPACE=WhatMatters) ;;
    log-pt) cp="$W/logpt.jar:$PT_CP"; main=LogPowertools; envs+=(POWERTOOLS_SERVICE_NAME=visits POWERTOOLS_METRICS_NAMESPACE=WhatMatters) ;;
    *)
      cp="functions/$group/target/$group.jar:$W/harness.jar"; main=ColdStartInvoke
      case "$jflags" in
        *LogHand) cp="$cp:$W/loghand.jar" ;;
        *LogPowertools) cp="$cp:$W/logpt.jar$PT_EXTRA" ;;
      esac
      args=("$class" "$expect" "$event")
      [ "$mode" = primed ] && args+=("$event")
      ;;
  esac
  local jvm=()
  [ -n "$jflags" ] && jvm+=("$jflags")
  case "$variant" in
    aot) jvm+=(-XX:AOTMode=on "-XX:AOTCache=$W/aot/$id.aot") ;;
    cds) jvm+=(-Xshare:on "-XX:SharedArchiveFile=$W/cds/$id.jsa") ;;
  esac
  case "$mode" in
    train-aot) jvm+=("-XX:AOTCacheOutput=$W/aot/$id.aot") ;;
    train-cds) jvm+=("-XX:ArchiveClassesAtExit=$W/cds/$id.jsa") ;;
    classes) jvm+=(-Dbench.nomx=true "-Xlog:class+load:file=$W/logs/$id.classes.txt") ;;
  esac
  local out="$W/logs/$id.$variant.$mode.$run.log" before=0 rc=0 t0 t1
  [ "$check" = post ] && before=$(posts)
  t0=$(date +%s%N)
  env -i "${envs[@]}" "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$cp" "$main" "${args[@]}" >"$out" 2>&1 || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" -ne 0 ] || ! grep -q '^BENCH ' "$out"; then
    cat "$out" >&2; say "FAILED: $id ($variant, $mode, run $run) exited $rc; output above"; exit 1
  fi
  if grep -q -e '"level":"ERROR"' -e 'postToConnection failed' "$out"; then
    cat "$out" >&2; say "FAILED: $id ($variant, $mode, run $run) logged an error; output above"; exit 1
  fi
  if [ "$check" = post ] && [ "$(posts)" -le "$before" ]; then
    cat "$out" >&2; say "FAILED: $id ($variant, $mode, run $run) posted nothing to @connections"; exit 1
  fi
  if [ "$check" = log ] || [[ "$id" == log-hand || "$id" == log-pt ]]; then
    grep -q '"_aws"' "$out" && grep -q 'sample-plan-visit' "$out" \
      || { cat "$out" >&2; say "FAILED: $id wrote no log line with the correlation id, or no EMF metric"; exit 1; }
  fi
  case "$mode" in
    train-aot) [ -s "$W/aot/$id.aot" ] || { cat "$out" >&2; say "FAILED: no AOT cache for $id"; exit 1; } ;;
    train-cds) [ -s "$W/cds/$id.jsa" ] || { cat "$out" >&2; say "FAILED: no CDS archive for $id"; exit 1; } ;;
  esac
  R_WALL=$(( (t1 - t0) / 1000000 ))
  R_LINE="$(grep '^BENCH ' "$out" | tail -1)"
}
val() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
median() {
  [ $# -gt 0 ] || { echo "-"; return; }
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'
}
median1() {  # one decimal
  [ $# -gt 0 ] || { echo "-"; return; }
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'
}
median_ratio() {  # median over runs of (a_i / b_i), two lists of equal length
  local -n A=$1 B=$2
  [ ${#A[@]} -gt 0 ] || { echo "-"; return; }
  local i out=()
  for i in "${!A[@]}"; do out+=("$(awk -v a="${A[$i]}" -v b="${B[$i]}" 'BEGIN {printf "%.4f", a / b}')"); done
  printf '%s\n' "${out[@]}" | sort -g | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'
}

# --- Preparation: class counts, AOT and CDS training (one JVM each, same event) --------------------
say "preparing: class counts$([[ " ${variants[*]} " == *" aot "* ]] && echo ", AOT caches")$([[ " ${variants[*]} " == *" cds "* ]] && echo ", CDS archives") for ${#ALL_IDS[@]} measurements..."
for id in "${ALL_IDS[@]}"; do
  run_one "$id" plain classes 0
  CLASSES[$id]=$(wc -l <"$W/logs/$id.classes.txt")
  JARCLASSES[$id]=$(grep -c -e 'source: jar:' -e 'source: file:' "$W/logs/$id.classes.txt" || true)
  [[ " ${variants[*]} " == *" aot "* ]] && run_one "$id" plain train-aot 0
  [[ " ${variants[*]} " == *" cds "* ]] && run_one "$id" plain train-cds 0
  STATUS[$id]="$(val status "$R_LINE")"
done

# --- Measured runs ---------------------------------------------------------------------------------
for i in $(seq 1 "$runs"); do
  t_run=$(date +%s)
  for v in "${variants[@]}"; do
    for id in "${ALL_IDS[@]}"; do
      run_one "$id" "$v" cold "$i"
      WALL[$id|$v|$i]=$R_WALL
      JMX[$id|$v|$i]="$(val jvm_to_response_ms "$R_LINE")"
      LOGMS[$id|$v|$i]="$(val log_ms "$R_LINE")"
      STATUS[$id]="$(val status "$R_LINE")"
    done
  done
  for ((r = 0; r < FUNCTION_ROWS; r++)); do
    id="${ROWS[$r]%%|*}"
    run_one "$id" plain primed "$i"
    SECOND[$id|$i]="$(val second_ms "$R_LINE")"
  done
  if [ -n "$PT_CP" ]; then
    for id in log-empty log-hand log-pt; do
      run_one "$id" plain cold "$i"; WALL[$id|plain|$i]=$R_WALL; LOGMS[$id|plain|$i]="$(val log_ms "$R_LINE")"
    done
  fi
  say "run $i/$runs done ($(( $(date +%s) - t_run )) s)"
done

# --- Report ------------------------------------------------------------------------------------------
walls() { local id=$1 v=$2 i; for i in $(seq 1 "$runs"); do echo "${WALL[$id|$v|$i]}"; done; }
jmxs() { local id=$1 v=$2 i; for i in $(seq 1 "$runs"); do echo "${JMX[$id|$v|$i]}"; done; }
has() { [[ " ${variants[*]} " == *" $1 "* ]]; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
declare -A MED
for id in "${ALL_IDS[@]}"; do
  for v in "${variants[@]}"; do
    mapfile -t xs < <(walls "$id" "$v"); MED[$id|$v]=$(median "${xs[@]}")
    mapfile -t xs < <(jmxs "$id" "$v"); MED[jmx|$id|$v]=$(median "${xs[@]}")
  done
done
ratio() {  # ratio ID VARIANT FLOOR_VARIANT
  mapfile -t _a < <(walls "$1" "$2"); mapfile -t _b < <(walls floor "$3"); median_ratio _a _b
}
cell() { has "$2" && echo "${MED[$1|$2]}" || echo "-"; }
cellr() { has "$2" && has "$3" && ratio "$1" "$2" "$3" || echo "-"; }

echo
echo "Cold start, $(date -u +%Y-%m-%d), JDK $java_version, $(nproc) cores, $runs runs (median; ratios = median of per-run ratios)"
echo "JAVA_TOOL_OPTIONS=\"$TOOL_OPTS\" on every JVM; wall = launch -> exit, measured around the java process"
fmt="%-36s %6s %13s %7s %7s %7s %7s %7s %7s %7s %11s %8s  %s\n"
printf "$fmt" "function (event)" "jar MB" "classes(jar)" "plain" "aot" "cds" "p/fl" "a/fl.a" "a/fl.p" "c/fl.c" "jvm p/a" "primed" "status"
for id in "${ALL_IDS[@]}"; do
  IFS='|' read -r _id fn group class expect event vars check jflags <<<"${ROWSPEC[$id]}"
  case "$id" in
    floor) label="floor: DynamoDbClient + 1 PutItem" ;;
    visits+hand) label="VisitsApi + hand JSON log + EMF" ;;
    visits+pt) label="VisitsApi + Powertools log + metric" ;;
    *) label="${fn%Function} ($(basename "$event" .json))" ;;
  esac
  jarb=$(stat -c %s "functions/$group/target/$group.jar")
  [ "$id" = visits+pt ] && jarb=$((jarb + PT_EXTRA_BYTES))
  primed="-"
  if [ -n "${SECOND[$id|1]:-}" ]; then
    mapfile -t xs < <(for i in $(seq 1 "$runs"); do echo "${SECOND[$id|$i]}"; done); primed="$(median "${xs[@]}") ms"
  fi
  jmx="${MED[jmx|$id|plain]}/$(has aot && echo "${MED[jmx|$id|aot]}" || echo -)"
  printf "$fmt" "$label" "$(mb "$jarb")" "${CLASSES[$id]}(${JARCLASSES[$id]})" "$(cell "$id" plain)" "$(cell "$id" aot)" \
    "$(cell "$id" cds)" "$(cellr "$id" plain plain)" "$(cellr "$id" aot aot)" "$(cellr "$id" aot plain)" \
    "$(cellr "$id" cds cds)" "$jmx" "$primed" "${STATUS[$id]}"
done
echo
echo "Columns: plain/aot/cds = median wall ms; p/fl = plain / floor plain; a/fl.a = aot / floor aot;"
echo "a/fl.p = aot / floor plain; c/fl.c = cds / floor cds; jvm p/a = in-JVM JVM start -> first response"
echo "(RuntimeMXBean start time), plain/aot; primed = second invocation after one priming invocation in"
echo "the same JVM (plain flags): the SnapStart-with-priming estimate, restore time NOT included;"
echo "classes = classes loaded up to exit by the plain run (-Xlog:class+load), (jar) = from the jars."
echo "Wall ms per run:"
for id in "${ALL_IDS[@]}"; do
  for v in "${variants[@]}"; do printf "  %-14s %-5s %s\n" "$id" "$v" "$(walls "$id" "$v" | paste -sd' ')"; done
done

if [ -n "$PT_CP" ]; then
  logms() { local id=$1 v=$2 i; for i in $(seq 1 "$runs"); do echo "${LOGMS[$id|$v|$i]}"; done; }
  e=$(median $(walls log-empty plain)); h=$(median $(walls log-hand plain)); p=$(median $(walls log-pt plain))
  echo
  echo "Logging: one JSON log line with a correlation id + one EMF metric (median of $runs; wall = launch -> exit;"
  echo "call = in-JVM time of the logging call itself)"
  echo "  fresh JVM alone, plain:  empty JVM $e ms | hand-written $h ms wall (+$((h - e)) over empty), call $(median1 $(logms log-hand plain)) ms"
  echo "                           | Powertools 2.9.0 (log4j2 + metrics, functional API) $p ms wall (+$((p - e))), call $(median1 $(logms log-pt plain)) ms"
  for v in "${variants[@]}"; do
    mapfile -t a < <(walls visits+pt "$v"); mapfile -t b < <(walls visits+hand "$v"); mapfile -t c < <(walls visits "$v")
    mapfile -t ja < <(jmxs visits+pt "$v"); mapfile -t jb < <(jmxs visits+hand "$v"); mapfile -t jc < <(jmxs visits "$v")
    d_pt=(); d_h=(); j_pt=(); j_h=()
    for i in "${!a[@]}"; do
      d_pt+=($(( a[i] - b[i] ))); d_h+=($(( b[i] - c[i] ))); j_pt+=($(( ja[i] - jb[i] ))); j_h+=($(( jb[i] - jc[i] )))
    done
    printf "  in VisitsApi's cold start, %-5s: call hand %s ms, Powertools %s ms | JVM start -> response: hand %+d ms over none, Powertools %+d ms over hand | wall: %+d, %+d ms\n" \
      "$v" "$(median1 $(logms visits+hand "$v"))" "$(median1 $(logms visits+pt "$v"))" "$(median "${j_h[@]}")" "$(median "${j_pt[@]}")" \
      "$(median "${d_h[@]}")" "$(median "${d_pt[@]}")"
  done
  echo "  (the call time misses what Powertools' jars cost before it: with log4j-slf4j2-impl on the classpath the SDK's"
  echo "  own slf4j loggers start log4j2 while the handler is built; the differences of whole cold starts catch it but are"
  echo "  medians of per-run differences between separate JVMs, so noisier)"
  echo "  jar: hand-written needs no library (its code: $(stat -c %s "$W/loghand.jar") bytes with the harness);"
  echo "  Powertools adds $(mb "$PT_EXTRA_BYTES") MB ($PT_EXTRA_BYTES bytes) to a function jar, and $(( ${CLASSES[visits+pt]} - ${CLASSES[visits+hand]} )) classes loaded: ${PT_EXTRA_NAMES[*]}"
fi
echo
say "total $(( $(date +%s) - started )) s"
