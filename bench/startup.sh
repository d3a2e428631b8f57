#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar activityhub.jar --harness` to the first answered request.
# Target (issue: contract-test harness): well under 2 s on a 2-core machine.
# Usage: bench/startup.sh [runs] [--fast]   (build first: mvn -q -B -DskipTests package)
#   --fast measures bin/activityhub-harness (class-data archive + client compiler) instead of plain java -jar.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bootstrap/target/activityhub.jar
RUNS=${1:-10}
FAST=${2:-}
PORT=${PORT:-17070}
[ -f "$JAR" ] || { echo "build the jar first: mvn -q -B -DskipTests package" >&2; exit 1; }
if [ "$FAST" = "--fast" ]; then
  # Record the archive once, outside the measurement.
  ACTIVITYHUB_ADMIN_TOKEN=bench PORT=0 bin/activityhub-harness --exit-after-start >/dev/null 2>&1 || true
  launch=(bin/activityhub-harness)
else
  launch=(java -jar "$JAR" --harness)
fi

times=()
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  ACTIVITYHUB_ADMIN_TOKEN=bench PORT=$PORT ACTIVITYHUB_HOST=127.0.0.1 "${launch[@]}" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms over %d runs\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
