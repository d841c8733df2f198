package dev.interviewtutor.grading;

import dev.interviewtutor.knowledge.Rubric;

/** Manual probe (not a test): prints grades for sample answers. */
final class GraderProbe {
  public static void main(String[] args) {
    OfflineGrader g = OfflineGrader.withDefaultModel();
    String[][] cases = {
      {"71", "Node.js scales by running several processes with the cluster module or PM2, one per CPU core, and by putting a load balancer in front of many servers. The APIs should be stateless so any instance can serve any request. You add machines rather than bigger machines."},
      {"78", "A stack overflow is a memory leak. The stack holds function calls and the heap holds objects."},
      {"74", "When the source of a stream emits chunks quicker than the destination can handle them, data piles up; readable.pipe(writable) pauses the source automatically."},
    };
    for (String bank : new String[] {"project", "seed"}) {
      for (String[] c : cases) {
        Rubric r = BankRubricFixtures.bank(bank).get(c[0]);
        OfflineGrader.Analysis a = g.analyse(r, c[1]);
        Grade gr = a.grade();
        System.out.printf("%s %3d %-18s %s%n", bank, gr.score(), gr.verdict().label(), c[1].substring(0, Math.min(70, c[1].length())));
        System.out.printf("    cov=%.2f ref=%.2f rel=%.2f rec=%.2f prec=%.2f%n", a.features()[1], a.features()[2], a.features()[3], a.features()[4], a.features()[5]);
        gr.keyPoints().forEach(k -> System.out.printf("    %-8s %.1f %s%n", k.coverage(), r.keyPoints().stream().filter(p -> p.id().equals(k.keyPointId())).findFirst().get().weight(), k.keyPoint()));
        r.misconceptions().forEach(m -> System.out.printf("    m: %s%n", m.text()));
        gr.misconceptions().forEach(m -> System.out.printf("    WRONG %s | %s%n", m.misconception(), m.evidence()));
      }
    }
  }
}
