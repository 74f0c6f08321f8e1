#!/usr/bin/env bash
# Runs a main class of the local cloud (default: the local cloud itself) in a fresh JVM from the built
# jars. The local cloud keeps a class-data archive (AppCDS) in infra/local/cloud/target/launch/: the
# first start after a build writes it when it stops, later starts read their classes from it. Needs
# JAVA_HOME (JDK >= 21) and `mvn install -pl infra/local/cloud -am` done, as ./dev up and
# ./dev invoke do.
#   infra/local/run.sh [--main org.whatmatters.local.cloud.Invoke] [args...]
#   infra/local/run.sh --print-classpath      (the jars it runs from, for the start-up bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
main=org.whatmatters.local.cloud.LocalCloud
if [ "${1:-}" = "--main" ]; then main="$2"; shift 2; fi
if [ "${1:-}" = "--print-classpath" ]; then main="$1"; shift; fi
java="${JAVA_HOME:?JAVA_HOME must name a JDK >= 21}/bin/java"
launch=infra/local/cloud/target/launch
jar=$(ls infra/local/cloud/target/local-cloud-*.jar | grep -v -- '-tests.jar' | head -1)
mkdir -p "$launch"
# The dependency list changes only with a pom.
if [ ! -s "$launch/dependencies" ] || [ -n "$(find . -name pom.xml -not -path '*/target/*' -newer "$launch/dependencies")" ]; then
  mvn -B -ntp -q dependency:build-classpath -pl infra/local/cloud -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/$launch/dependencies" >&2
fi
if [ ! -s "$launch/classpath" ] || [ "$launch/classpath" -ot "$launch/dependencies" ] || [ "$launch/classpath" -ot "$jar" ]; then
  "$java" -cp "$jar" org.whatmatters.local.cloud.LaunchClasspath "$launch/jars" "$jar:$(cat "$launch/dependencies")" \
    > "$launch/classpath"
fi
cp=$(cat "$launch/classpath")
if [ "$main" = --print-classpath ]; then echo "$cp"; exit 0; fi
flags=(--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1)
if [ "$main" = org.whatmatters.local.cloud.LocalCloud ]; then
  # An archive serves only the JDK and jars it was written from: a build or another JDK makes a new one.
  archive="$launch/LocalCloud.jsa"
  built=$({ cat "$JAVA_HOME/release"; echo "$cp" | tr ':' '\n' | xargs stat -c '%n %s %Y'; } | md5sum | cut -c1-32)
  if [ -s "$archive" ] && [ "$(cat "$archive.of" 2>/dev/null)" = "$built" ]; then
    flags+=(-XX:SharedArchiveFile="$archive")
  else
    rm -f "$archive"; echo "$built" > "$archive.of"
    # Written as this run ends (Ctrl-C, SIGTERM): a dump in the running JVM (jcmd VM.cds dynamic_dump) could
    # crash it right after READY, in the JDK's lambda proxy lookup, while the schedules and pollers ran.
    flags+=(-XX:ArchiveClassesAtExit="$archive")
  fi
  # The JDK's base archive was made without --enable-native-access, which it would report.
  flags+=(-Xlog:cds=off)
fi
exec "$java" "${flags[@]}" -cp "$cp" "$main" "$@"
