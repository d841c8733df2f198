// Research probe (not part of the product): can a logistic-regression head over MiniLM sentence-pair features
// ([u*v, |u-v|, cos]) tell "contradictory" from correct/partially-correct answers ACROSS datasets?
// Trained on Beetle train, tested on SciEntsBank train, and the reverse (contradictory vs correct + partially
// correct; irrelevant and non_domain left out). Then, fitted on both, its max P(contradiction) over (answer clause,
// key point) pairs is printed per answer kind of bank-dev (measuring only; nothing is fitted on bank-dev).
// Run from the project root after `mvn -B -q -DskipTests package`:
//   mkdir -p /tmp/probe/banks && cp ../shared/datasets/bank-dev/git.md ../shared/datasets/bank-dev/http-caching.md /tmp/probe/banks/ && python3 -c "import csv; w=open('/tmp/probe/answers.tsv','w'); [w.write('\t'.join([r['question_id'],r['expect'],r['kind'],r['answer'].replace('\t',' ')])+'\n') for r in csv.DictReader(open('../shared/datasets/bank-dev/answers.csv',encoding='utf-8'))]"
//   javac -d /tmp/probe/classes -cp target/interview-tutor.jar scripts/research/ContradictionProbe.java
//   java -cp /tmp/probe/classes:target/interview-tutor.jar dev.interviewtutor.grading.ContradictionProbe
// Result 2026-12-02 (docs/grading-benchmark.md): cross-dataset AUC 0.55 (Beetle→SciEntsBank) and 0.44
// (SciEntsBank→Beetle), i.e. no transfer; bank-dev swapped answers 0.12 vs paraphrases 0.09. Not shipped.
package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.TextUnits;
import dev.interviewtutor.knowledge.*;
import java.nio.file.*;
import java.util.*;

public class ContradictionProbe {
  static List<String[]> tsv(String f) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(f));
    String[] h = lines.get(0).split("\t");
    int ref = Arrays.asList(h).indexOf("reference_answer"), st = Arrays.asList(h).indexOf("student_answer"),
        lab = Arrays.asList(h).indexOf("label_5way");
    List<String[]> out = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split("\t", -1);
      String y = c[lab];
      if (y.equals("contradictory")) out.add(new String[] {c[ref], c[st], "1"});
      else if (y.startsWith("correct") || y.startsWith("partially")) out.add(new String[] {c[ref], c[st], "0"});
    }
    return out;
  }

  static SentenceEncoder enc;

  static double[][] feats(List<String[]> rows) {
    List<String> texts = new ArrayList<>();
    for (String[] r : rows) { texts.add(r[0]); texts.add(r[1]); }
    float[][] e = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i += 256) {
      float[][] b = enc.embed(texts.subList(i, Math.min(texts.size(), i + 256)));
      System.arraycopy(b, 0, e, i, b.length);
    }
    double[][] x = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) x[i] = pair(e[2 * i], e[2 * i + 1]);
    return x;
  }

  static double[] pair(float[] u, float[] v) {
    int d = u.length;
    double[] x = new double[2 * d + 1];
    double cos = 0;
    for (int k = 0; k < d; k++) { x[k] = u[k] * v[k] * 10; x[d + k] = Math.abs(u[k] - v[k]) * 10; cos += u[k] * v[k]; }
    x[2 * d] = cos;
    return x;
  }

  static double[] train(double[][] x, double[] y, double l2) {
    int d = x[0].length;
    double[] w = new double[d + 1];
    double pos = 0; for (double t : y) pos += t;
    double wp = y.length / (2 * pos), wn = y.length / (2 * (y.length - pos));
    double lr = 0.5;
    for (int it = 0; it < 400; it++) {
      double[] g = new double[d + 1];
      for (int i = 0; i < x.length; i++) {
        double z = w[d]; for (int k = 0; k < d; k++) z += w[k] * x[i][k];
        double p = 1 / (1 + Math.exp(-z));
        double err = (p - y[i]) * (y[i] > 0 ? wp : wn);
        for (int k = 0; k < d; k++) g[k] += err * x[i][k];
        g[d] += err;
      }
      for (int k = 0; k < d; k++) w[k] -= lr * (g[k] / x.length + l2 * w[k]);
      w[d] -= lr * g[d] / x.length;
    }
    return w;
  }

  static double prob(double[] w, double[] x) {
    int d = x.length; double z = w[d]; for (int k = 0; k < d; k++) z += w[k] * x[k];
    return 1 / (1 + Math.exp(-z));
  }

  static double auc(double[] w, double[][] x, double[] y) {
    List<double[]> s = new ArrayList<>();
    for (int i = 0; i < x.length; i++) s.add(new double[] {prob(w, x[i]), y[i]});
    s.sort(Comparator.comparingDouble(a -> a[0]));
    double rankSum = 0, pos = 0;
    for (int i = 0; i < s.size(); i++) if (s.get(i)[1] > 0) { rankSum += i + 1; pos++; }
    double neg = s.size() - pos;
    return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
  }

  public static void main(String[] a) throws Exception {
    enc = OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT);
    List<String[]> bee = tsv("/work/shared/datasets/beetle/beetle_train.tsv");
    List<String[]> sci = tsv("/work/shared/datasets/scientsbank/scientsbank_train.tsv");
    double[][] xb = feats(bee), xs = feats(sci);
    double[] yb = bee.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
    double[] ys = sci.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
    System.out.printf("beetle %d (%.0f contra), sci %d (%.0f contra)%n", bee.size(), Arrays.stream(yb).sum(), sci.size(), Arrays.stream(ys).sum());
    for (double l2 : new double[] {1e-3, 1e-2}) {
      double[] wb = train(xb, yb, l2), ws = train(xs, ys, l2);
      System.out.printf("l2 %g: beetle->sci AUC %.3f (train %.3f); sci->beetle AUC %.3f (train %.3f)%n", l2,
          auc(wb, xs, ys), auc(wb, xb, yb), auc(ws, xb, yb), auc(ws, xs, ys));
    }
    // both -> probe on bank-dev: max P(contra) over (unit, key point) pairs with cos >= 0.5
    double[][] xall = new double[xb.length + xs.length][];
    System.arraycopy(xb, 0, xall, 0, xb.length); System.arraycopy(xs, 0, xall, xb.length, xs.length);
    double[] yall = new double[xall.length];
    System.arraycopy(yb, 0, yall, 0, yb.length); System.arraycopy(ys, 0, yall, yb.length, ys.length);
    double[] w = train(xall, yall, 1e-3);
    QuestionBank bank = BankLoader.load(Path.of("/tmp/probe/banks"));
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(bank);
    List<String> lines = Files.readAllLines(Path.of("/tmp/probe/answers.tsv"));
    Map<String, List<Double>> byKind = new TreeMap<>();
    for (String l : lines) {
      String[] c = l.split("\t");
      Rubric r = rubrics.get(c[0]);
      List<String> units = TextUnits.units(c[3]).stream().map(TextUnits.Unit::text).toList();
      List<String> pts = r.keyPoints().stream().map(KeyPoint::text).toList();
      float[][] ue = enc.embed(units), pe = enc.embed(pts);
      double max = 0;
      for (float[] u : ue) for (float[] p : pe) {
        if (SentenceEncoder.cosine(u, p) < 0.45) continue;
        max = Math.max(max, prob(w, pair(p, u)));
      }
      byKind.computeIfAbsent(c[2], k -> new ArrayList<>()).add(max);
      System.out.printf("%.2f %s %s %s%n", max, c[1], c[2], c[3].substring(0, Math.min(80, c[3].length())));
    }
    byKind.forEach((k, v) -> System.out.printf("%-14s mean %.2f%n", k, v.stream().mapToDouble(d -> d).average().orElse(0)));
  }
}
