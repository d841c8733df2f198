#!/usr/bin/env bash
# Measures the shipped grader on one bank directory holding a bank (*.md) and answers.csv in bank-dev's columns
# (question_id,expect,kind,states_mistake,answer), with bank-dev's measures:
#   ordering        share of (high, mid, low) pairs within a question scored in the right order
#   wrong mean      mean score of swapped / wrong_related / bad_practice answers, and how many are "correct"
#   accused         correct (expect=high) answers told they stated a mistake
#   named           states_mistake=yes answers that got a mistake named
#
#   scripts/bank-report.sh [JAR] DIR       e.g. scripts/bank-report.sh target/interview-tutor.jar scripts/probes/banks/docker
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 2 ]; then jar=$1; dir=$2; else jar=$root/target/interview-tutor.jar; dir=${1:?usage: bank-report.sh [JAR] DIR}; fi
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -q -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$dir"/*.md "$work"/
rm -f "$work/README.md"
python3 - "$dir/answers.csv" "$work/gold.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
w = csv.DictWriter(open(sys.argv[2], 'w', newline='', encoding='utf-8'), fieldnames=['question_id', 'answer', 'score'])
w.writeheader()
for r in rows:
    w.writerow({'question_id': r['question_id'], 'answer': r['answer'], 'score': {'high': 5, 'mid': 2.5, 'low': 0}[r['expect']]})
PY
java -jar "$jar" eval --quiet --knowledge "$work" --dataset "$work/gold.csv" --predictions "$work/pred.csv" >/dev/null
python3 - "$dir/answers.csv" "$work/pred.csv" <<'PY'
import csv, sys
from collections import defaultdict
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
pred = {int(r['row']): r for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
rank = {'high': 2, 'mid': 1, 'low': 0}
by_question = defaultdict(list); wrong = []; marked = accused = named = high = mistakes = 0
for i, r in enumerate(rows):
    p = pred[i + 1]; score = float(p['score']); flagged = int(p['mistakes']) > 0
    by_question[r['question_id']].append((rank[r['expect']], score))
    if r['kind'] in ('swapped', 'wrong_related', 'bad_practice'):
        wrong.append(score); marked += p['verdict'].strip().lower() == 'correct'
    if r['expect'] == 'high': high += 1; accused += flagged
    if r['states_mistake'] == 'yes': mistakes += 1; named += flagged
ok = total = 0
for answers in by_question.values():
    for a in answers:
        for b in answers:
            if a[0] > b[0]: total += 1; ok += a[1] > b[1]
print(f"ordering        {ok / total:.3f}")
print(f"wrong mean      {sum(wrong) / len(wrong):.1f}; marked correct {marked}/{len(wrong)}")
print(f"accused         {accused}/{high}")
print(f"mistakes named  {named}/{mistakes}")
PY
