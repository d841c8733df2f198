package dev.interviewtutor.discord;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.AnswerResult;
import dev.interviewtutor.practice.InterviewSummary;
import dev.interviewtutor.practice.MissedPoints;
import java.awt.Color;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** Renders questions, grades and summaries as embeds inside Discord's limits. */
final class Embeds {
  static final Color QUESTION = new Color(0x4F7CAC);
  static final Color GOOD = new Color(0x2E8B57);
  static final Color MIXED = new Color(0xE0A100);
  static final Color POOR = new Color(0xC0392B);

  /**
   * Budgets that keep one grade embed, or a grade plus a question or summary in one message, under
   * 6,000.
   */
  private record Budget(int feedback, int field, int tip, int footer) {}

  private static final Budget FULL = new Budget(1200, Limits.EMBED_FIELD_VALUE, 500, 300);
  private static final Budget COMPACT = new Budget(400, 600, 300, 250);
  private static final int SUMMARY_FIELD = 350;
  private static final int SUMMARY_QUESTIONS = 900;

  private Embeds() {}

  static MessageEmbed question(Question q, String heading) {
    return new EmbedBuilder()
        .setColor(QUESTION)
        .setAuthor(Limits.fit(heading, Limits.EMBED_FIELD_NAME))
        .setTitle(Limits.fit("Q" + q.id() + ". " + q.title(), Limits.EMBED_TITLE))
        .setDescription(
            "Answer in your own words: what it is, how it works, when to use it. Up to "
                + "4,000 characters.")
        .setFooter(Limits.fit("Topic: " + q.topic(), 200))
        .build();
  }

  static MessageEmbed grade(AnswerResult result, String heading) {
    return grade(result, heading, false);
  }

  /**
   * The grade; {@code compact} when it shares a message with another embed (Discord counts 6,000
   * per message).
   */
  static MessageEmbed grade(AnswerResult result, String heading, boolean compact) {
    Budget b = compact ? COMPACT : FULL;
    Grade grade = result.grade();
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(color(result.score()))
            .setAuthor(Limits.fit(heading, Limits.EMBED_FIELD_NAME))
            .setTitle(
                Limits.fit(
                    "Score " + result.score() + "/100 · " + grade.verdict().label(),
                    Limits.EMBED_TITLE))
            .setDescription(Limits.fit(grade.feedback(), b.feedback()));
    embed.addField("Covered", field(lines(grade.covered(), true), b.field()), false);
    embed.addField("Missed", field(missed(result.missed()), b.field()), false);
    if (!grade.misconceptions().isEmpty()) {
      embed.addField(
          "Misconceptions",
          field(
              grade.misconceptions().stream()
                  .map(Embeds::misconception)
                  .collect(Collectors.joining("\n")),
              b.field()),
          false);
    }
    if (!grade.tip().isBlank()) {
      embed.addField("Tip", field(grade.tip(), b.tip()), false);
    }
    StringBuilder footer = new StringBuilder();
    if (result.hintCapped()) {
      footer.append("Capped at 70 because a hint was used · ");
    }
    footer
        .append(result.pointsLabel())
        .append(" · streak ")
        .append(result.currentStreak())
        .append(result.currentStreak() == 1 ? " day" : " days")
        .append(" · next review ")
        .append(result.nextReview())
        .append(" · graded by ")
        .append(grade.grader());
    if (!grade.notes().isEmpty()) {
      footer.append(" · ").append(String.join("; ", grade.notes()));
    }
    embed.setFooter(Limits.fit(footer.toString(), b.footer()));
    return embed.build();
  }

  static MessageEmbed modelAnswer(Question q, String reference, String tip) {
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(QUESTION)
            .setTitle(
                Limits.fit("Model answer · Q" + q.id() + ". " + q.title(), Limits.EMBED_TITLE))
            .setDescription(Limits.fit(reference.isBlank() ? q.explanation() : reference, 3500));
    if (!tip.isBlank()) {
      embed.addField("Interview tip", Limits.field(tip), false);
    }
    return embed.build();
  }

  static MessageEmbed hint(Question q, KeyPoint point, int number) {
    return new EmbedBuilder()
        .setColor(MIXED)
        .setTitle(Limits.fit("Hint " + number + " · Q" + q.id(), Limits.EMBED_TITLE))
        .setDescription(Limits.fit(point.text(), 2000))
        .setFooter("A hint caps this question's score at 70.")
        .build();
  }

  /**
   * One follow-up question about a missed key point, asked after a partially correct interview
   * answer.
   */
  static MessageEmbed followUp(FollowUp followUp, String then) {
    return new EmbedBuilder()
        .setColor(QUESTION)
        .setTitle("Follow-up")
        .setDescription(Limits.fit(followUp.question(), 1000))
        .setFooter(
            Limits.fit(
                "Answer it with the button or just type your answer; Skip moves on to "
                    + then
                    + ".",
                200))
        .build();
  }

  /** The grade of a follow-up reply: against its one key point. */
  static MessageEmbed followUpGrade(Grade grade) {
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(color(grade.score()))
            .setTitle(
                Limits.fit(
                    "Follow-up: " + grade.score() + "/100 · " + grade.verdict().label(),
                    Limits.EMBED_TITLE))
            .setDescription(Limits.fit(grade.feedback(), 400));
    String points =
        grade.keyPoints().stream()
            .map(
                k ->
                    (k.coverage() == Coverage.MISSED
                            ? "❌ "
                            : k.coverage() == Coverage.PARTIAL ? "◐ " : "✅ ")
                        + k.keyPoint())
            .collect(Collectors.joining("\n"));
    embed.addField("Key point", field(points, 600), false);
    StringBuilder footer =
        new StringBuilder("Not counted for points · graded by ").append(grade.grader());
    if (!grade.notes().isEmpty()) {
      footer.append(" · ").append(String.join("; ", grade.notes()));
    }
    embed.setFooter(Limits.fit(footer.toString(), 250));
    return embed.build();
  }

  static MessageEmbed summary(InterviewSummary s, String who) {
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(color(s.averageScore()))
            .setTitle(Limits.fit("Interview summary · " + who, Limits.EMBED_TITLE))
            .setDescription(
                Limits.fit(
                    "Average score **"
                        + s.averageScore()
                        + "/100** over "
                        + s.items().size()
                        + " question(s)"
                        + (s.topic().isBlank() ? "" : " on " + s.topic())
                        + ".",
                    400));
    embed.addField(
        "Questions",
        field(
            s.items().stream()
                .map(
                    i ->
                        (i.skipped() ? "⏭️ " : "• ")
                            + "Q"
                            + i.questionId()
                            + " "
                            + Limits.fit(i.title(), 40)
                            + ": "
                            + (i.skipped() ? "skipped" : i.score() + "/100")
                            + (i.hints() > 0 ? " (hinted)" : ""))
                .collect(Collectors.joining("\n")),
            SUMMARY_QUESTIONS),
        false);
    embed.addField("Strongest", field(bullets(s.strongest()), SUMMARY_FIELD), false);
    embed.addField("Weakest", field(bullets(s.weakest()), SUMMARY_FIELD), false);
    embed.addField(
        "Review next",
        field(
            s.reviewNext().stream()
                .map(q -> "Q" + q.id() + " " + q.title())
                .collect(Collectors.joining("\n")),
            SUMMARY_FIELD),
        false);
    return embed.build();
  }

  private static String field(String text, int max) {
    String value = Limits.fit(text == null ? "" : text.strip(), max);
    return value.isEmpty() ? "—" : value;
  }

  private static String bullets(List<String> items) {
    return items.stream().map(t -> "• " + t).collect(Collectors.joining("\n"));
  }

  private static String lines(List<KeyPointResult> points, boolean covered) {
    return points.stream()
        .map(
            k ->
                (k.unsure()
                        ? "❔ "
                        : covered ? (k.coverage() == Coverage.PARTIAL ? "◐ " : "✅ ") : "❌ ")
                    + k.keyPoint()
                    + (k.unsure() ? " (could not verify)" : ""))
        .collect(Collectors.joining("\n"));
  }

  /** The missed points heaviest first, capped as every front-end caps them. */
  private static String missed(MissedPoints missed) {
    String listed = lines(missed.shown(), false);
    return missed.moreLine().map(more -> listed + "\n" + more).orElse(listed);
  }

  private static String misconception(MisconceptionHit hit) {
    return "⚠️ " + hit.misconception() + (hit.reason().isBlank() ? "" : ": " + hit.reason());
  }

  private static Color color(int score) {
    return score >= 70 ? GOOD : score >= 40 ? MIXED : POOR;
  }
}
