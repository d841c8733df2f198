#!/usr/bin/env bash
# How the shipped grader treats answers a candidate would give to the shipped banks: natural correct answers
# (score 5 in the file) and confidently wrong ones (score 0), written in their own words by people probing the
# grader, not derived from the banks (scripts/probes/shipped-bank-answers.csv; column "probe" says which round).
#
#   scripts/shipped-probe-report.sh [JAR] [CSV]     (defaults: target/interview-tutor.jar, the file above)
#
# Prints, for the correct answers: how many were told they stated a mistake (accused), how many scored below 60,
# and their mean; for the wrong answers: how many were missed (score >= 50, marked correct, or no mistake named)
# and their mean. Answers used to find and fix a rule are in the file too: these numbers are a regression check,
# not a held-out measure (docs/grading-benchmark.md says which rounds were held out when first measured).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/target/interview-tutor.jar}
data=${2:-$root/scripts/probes/shipped-bank-answers.csv}
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -q -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" eval --quiet --knowledge "$root/knowledge" --dataset "$data" --predictions "$work/pred.csv" >/dev/null
# pred.csv: row,gold,score,verdict,mistakes,unsure,capped,... (gold 5 = correct answer, 0 = wrong answer; no commas before column 6)
awk -F, 'NR > 1 {
  if ($2 + 0 >= 5) { n++; s += $3; if ($5 + 0 > 0) acc++; if ($3 + 0 < 60) low++ }
  else { w++; ws += $3; if ($3 + 0 >= 50 || $4 == "correct" || $5 + 0 == 0) miss++ }
} END {
  printf "correct answers  %d: accused %d, below 60 %d, mean %.1f\n", n, acc, low, s / n
  printf "wrong answers    %d: missed %d, mean %.1f\n", w, miss, ws / w
}' "$work/pred.csv"
