#!/usr/bin/env bash
# Start-up time of the terminal tutor, as a new user meets it: milliseconds from launching the jar until the first
# interview question is on screen, and until `stats` has printed everything. Runs from an empty temporary
# directory (so the banks built into the jar are used) on a scratch database with one answer in it.
#
#   scripts/bench-startup.sh [RUNS]        (default 10; needs target/interview-tutor.jar, or TUTOR_JAR=...)
#   BENCH_KNOWLEDGE=knowledge TUTOR_JAR=old.jar scripts/bench-startup.sh 5   # an older jar without built-in banks
#
# Each measure is taken twice: with `java -jar` (the README's command) and with `bin/tutor` (the launcher, which
# adds a class-data-sharing archive). Prints min / median / max per measure. The first run of each measure is a
# warm-up and is not counted (warm disk cache, as the goals in docs/startup-benchmark.md assume; for bin/tutor it
# also writes the archive). Uses only bash, date +%s%N and java.
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${TUTOR_JAR:-$root/target/interview-tutor.jar}
java=${JAVA:-java}
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -q -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# A jar from before the banks were built in (to compare) needs a knowledge/ directory: BENCH_KNOWLEDGE=knowledge
if [ -n "${BENCH_KNOWLEDGE:-}" ]; then cp -r "$root/${BENCH_KNOWLEDGE#"$root"/}" "$work/knowledge"; fi
export NO_COLOR=1 XDG_CACHE_HOME=$work/cache TUTOR_JAR=$jar
unset DISCORD_TOKEN TUTOR_KNOWLEDGE TUTOR_DB || true
launcher=$root/bin/tutor
via=java
tutor() {
  if [ "$via" = java ]; then "$java" -jar "$jar" "$@"; else "$launcher" "$@"; fi
}
db=$work/tutor.db

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One graded answer, so that stats has something to show and the interview resumes at question 2.
printf 'Node.js scales with several processes behind a load balancer.\n\n:quit\n' \
  | tutor --db "$db" practice >/dev/null 2>&1

# Until the line with "Question N/M" is printed: the process is started with its answer (:quit) already typed,
# and the clock stops when the question line arrives on stdout, not when the process ends.
first_question() {
  local start line
  start=$(now_ms)
  while IFS= read -r line; do
    case $line in
      *"Question "[0-9]*/*) echo $(( $(now_ms) - start )); break ;;
    esac
  done < <(printf ':quit\n' | tutor --db "$db" practice 2>/dev/null)
  wait "$!" 2>/dev/null || true  # the process ends before the next run starts
}

# Until stats has printed everything and exited. Also appends the process's CPU time (user + system, ms) to
# $work/cpu: on a shared machine wall time mostly measures the other tenants, CPU time much less so.
stats() {
  local start cpu TIMEFORMAT='%U %S'
  start=$(now_ms)
  cpu=$( { time tutor --db "$db" stats >/dev/null 2>&1 ; } 2>&1 )
  echo $(( $(now_ms) - start ))
  awk '{ printf "%d\n", ($1 + $2) * 1000 }' <<<"$cpu" >> "$work/cpu"
}

summary() {
  local name=$1; shift
  sort -n | awk -v name="$name" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%-44s runs %d  min %d ms  median %d ms  max %d ms\n", name, NR, v[1], m, v[NR] }'
}

echo "machine: $(nproc) cores, $(uname -sm), $("$java" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "jar: $jar"
for via in java launcher; do
  label=$([ "$via" = java ] && echo "java -jar" || echo "bin/tutor")
  first_question >/dev/null
  for _ in $(seq "$runs"); do first_question; done | summary "$label: first question on screen"
  stats >/dev/null
  : > "$work/cpu"
  for _ in $(seq "$runs"); do stats; done | summary "$label: stats (whole command)"
  summary "$label: stats CPU time (user+sys)" < "$work/cpu"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
