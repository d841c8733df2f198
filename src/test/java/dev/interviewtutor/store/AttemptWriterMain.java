package dev.interviewtutor.store;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.practice.KeywordTestGrader;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.TestBank;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Child process for {@link KilledWriterTest}: records answers forever, printing "ready" after the
 * first 50. Arguments: the database (file or JDBC URL), then the server's user and password.
 */
public final class AttemptWriterMain {
  private AttemptWriterMain() {}

  public static void main(String[] args) {
    QuestionBank bank = TestBank.bank(6, 4);
    Database db =
        Database.open(
            DatabaseTarget.parse(
                args[0], args.length > 1 ? args[1] : "", args.length > 2 ? args[2] : ""));
    PracticeService service =
        new PracticeService(bank, TestBank::rubric, new KeywordTestGrader(), db, Clock.systemUTC());
    Scope scope = service.scope(ScopeKind.GUILD, "1", "g");
    for (long i = 0; ; i++) {
      Person p = service.person("discord:" + (i % 20), "P" + (i % 20), ZoneId.of("UTC"));
      Question q = bank.questions().get((int) (i % bank.questions().size()));
      service.answer(
          p, scope, q, TestBank.answerCovering(q.id(), 1 + (int) (i % 3)), AttemptKind.PRACTICE, 0);
      if (i == 50) {
        System.out.println("ready");
        System.out.flush();
      }
    }
  }
}
