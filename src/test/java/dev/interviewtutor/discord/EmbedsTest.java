package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.SourceLocation;
import dev.interviewtutor.practice.AnswerResult;
import dev.interviewtutor.practice.FixedCoverageGrader;
import dev.interviewtutor.practice.InterviewSummary;
import dev.interviewtutor.practice.MissedPoints;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/**
 * Whatever a bank author writes, the rendered embeds stay inside Discord's limits (JDA refuses to
 * build otherwise).
 */
class EmbedsTest {
  static final String LONG = "word ".repeat(2000);

  static Question hugeQuestion() {
    return new Question(
        "99",
        "A very long title " + LONG.substring(0, 400),
        "topic " + LONG.substring(0, 200),
        LONG,
        List.of(),
        List.of(),
        List.of(),
        LONG,
        new SourceLocation(Path.of("bank.md"), 1));
  }

  static AnswerResult hugeResult() {
    List<KeyPointResult> points = new ArrayList<>();
    IntStream.range(0, 40)
        .forEach(
            i ->
                points.add(
                    new KeyPointResult(
                        "kp" + i,
                        "key point " + i + " " + LONG.substring(0, 300),
                        i % 2 == 0 ? Coverage.COVERED : Coverage.MISSED,
                        "")));
    List<MisconceptionHit> hits =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    new MisconceptionHit(
                        "m" + i,
                        "wrong " + LONG.substring(0, 300),
                        "because " + LONG.substring(0, 300),
                        ""))
            .toList();
    Grade grade =
        new Grade(
            "99",
            55,
            Verdict.PARTIALLY_CORRECT,
            points,
            hits,
            LONG,
            LONG,
            "offline",
            List.of(LONG.substring(0, 3000)));
    // every missed point listed: longer than any capped list
    return new AnswerResult(
        hugeQuestion(),
        grade,
        new MissedPoints(grade.missed(), 0),
        55,
        true,
        55,
        1,
        LocalDate.of(2026, 1, 2),
        3);
  }

  static InterviewSummary hugeSummary() {
    List<InterviewSummary.Item> items =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    new InterviewSummary.Item(
                        Integer.toString(i), "title " + LONG.substring(0, 200), 50, i % 3 == 0, 1))
            .toList();
    List<String> lines = IntStream.range(0, 10).mapToObj(i -> LONG.substring(0, 300)).toList();
    return new InterviewSummary(
        1,
        "topic " + LONG.substring(0, 500),
        items,
        50,
        lines,
        lines,
        IntStream.range(0, 20).mapToObj(i -> hugeQuestion()).toList());
  }

  static void withinLimits(MessageEmbed embed) {
    assertTrue(embed.getLength() <= Limits.EMBED_TOTAL, "embed total " + embed.getLength());
    assertTrue(
        embed.getDescription() == null
            || embed.getDescription().length() <= Limits.EMBED_DESCRIPTION);
    assertTrue(embed.getTitle() == null || embed.getTitle().length() <= Limits.EMBED_TITLE);
    for (MessageEmbed.Field f : embed.getFields()) {
      assertTrue(
          f.getValue().length() <= Limits.EMBED_FIELD_VALUE,
          f.getName() + " " + f.getValue().length());
    }
  }

  @Test
  void huge_grades_questions_summaries_and_model_answers_fit_discords_limits() {
    withinLimits(Embeds.grade(hugeResult(), LONG.substring(0, 500)));
    withinLimits(Embeds.question(hugeQuestion(), LONG.substring(0, 500)));
    withinLimits(Embeds.summary(hugeSummary(), LONG.substring(0, 500)));
    withinLimits(Embeds.modelAnswer(hugeQuestion(), LONG, LONG));
    withinLimits(Embeds.hint(hugeQuestion(), new KeyPoint("kp1", LONG, 1, List.of(), "x"), 1));
  }

  @Test
  void an_interview_turn_with_grade_and_summary_or_next_question_fits_one_message() {
    MessageEmbed grade = Embeds.grade(hugeResult(), LONG.substring(0, 500), true);
    int withSummary =
        grade.getLength() + Embeds.summary(hugeSummary(), LONG.substring(0, 500)).getLength();
    int withQuestion =
        grade.getLength() + Embeds.question(hugeQuestion(), LONG.substring(0, 500)).getLength();
    assertTrue(withSummary <= Limits.EMBED_TOTAL, "grade + summary = " + withSummary);
    assertTrue(withQuestion <= Limits.EMBED_TOTAL, "grade + question = " + withQuestion);
  }

  static String field(MessageEmbed embed, String name) {
    return embed.getFields().stream()
        .filter(f -> name.equals(f.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name + " in " + embed.getFields()))
        .getValue();
  }

  @Test
  void an_off_topic_grade_lists_the_three_heaviest_missed_points_like_the_terminal() {
    // eight key points weighing, in rubric order, 1, 1, 2, 1, 3, 1, 1.5, 1; none covered
    Rubric rubric = FixedCoverageGrader.rubric("1", 1, 1, 2, 1, 3, 1, 1.5, 1);
    Grade grade = new FixedCoverageGrader(Set.of()).grade(rubric, "Something else entirely.");
    AnswerResult result =
        new AnswerResult(
            hugeQuestion(),
            grade,
            MissedPoints.of(grade, rubric),
            grade.score(),
            false,
            0,
            1,
            LocalDate.of(2026, 1, 2),
            1);

    assertEquals(
        "❌ point 5 weighs 3.0\n❌ point 3 weighs 2.0\n❌ point 7 weighs 1.5\n… and 5 more",
        field(Embeds.grade(result, "Q1"), "Missed"));
    assertEquals(
        "✗ point 5 weighs 3.0\n✗ point 3 weighs 2.0\n✗ point 7 weighs 1.5\n… and 5 more",
        field(DailyEmbeds.sealed(result, true, false), "Missed"));
  }
}
