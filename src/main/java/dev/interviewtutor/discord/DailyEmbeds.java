package dev.interviewtutor.discord;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.AnswerResult;
import dev.interviewtutor.practice.DailyPost;
import dev.interviewtutor.practice.MissedPoints;
import dev.interviewtutor.practice.RevealSummary;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Renders the daily question, a member's sealed grade and the group's reveal as embeds (names never
 * ping).
 */
final class DailyEmbeds {
  static final Color DAILY = new Color(0xE0A526);

  private DailyEmbeds() {}

  static MessageEmbed question(DailyPost post) {
    Question q = post.question();
    String when =
        post.scheduledFor().map(d -> "Question of the day · " + d).orElse("Question of the day");
    return new EmbedBuilder()
        .setColor(DAILY)
        .setAuthor(when)
        .setTitle(Limits.fit(q.title(), Limits.EMBED_TITLE))
        .setDescription(
            "Press **Answer** to reply. Your answer is graded and shown only to you; the group result "
                + "(and answers whose authors chose to share them) is revealed in a thread at the next question.")
        .setFooter("Topic: " + q.topic() + " · #" + q.id())
        .build();
  }

  /** The member's own graded answer, shown ephemerally. */
  static MessageEmbed sealed(AnswerResult result, boolean firstTime, boolean shared) {
    Grade g = result.grade();
    EmbedBuilder e =
        new EmbedBuilder()
            .setColor(
                g.score() >= 80
                    ? new Color(0x3BA55C)
                    : g.score() >= 40 ? DAILY : new Color(0xED4245))
            .setTitle(
                Limits.fit(
                    (firstTime ? "Sealed: " : "Your sealed answer: ")
                        + g.score()
                        + "/100 · "
                        + g.verdict().label(),
                    Limits.EMBED_TITLE))
            .setDescription(
                Limits.fit(
                    (firstTime ? "" : "Only your first answer counts. ")
                        + "Only you can see this until the reveal. "
                        + (shared
                            ? "Your answer text **will be shown** at the reveal."
                            : "Your answer text stays private "
                                + "(only your name and score can appear among the top scorers)."),
                    Limits.EMBED_DESCRIPTION));
    e.addField("Covered", Limits.field(points(g.keyPoints(), true)), false);
    e.addField("Missed", Limits.field(missed(result.missed())), false);
    if (!g.tip().isBlank()) {
      e.addField("Tip", Limits.field(g.tip()), false);
    }
    if (result.points() > 0) {
      e.setFooter("+" + result.points() + " points");
    }
    return e.build();
  }

  /** The missed points heaviest first, capped as every front-end caps them. */
  private static String missed(MissedPoints missed) {
    String listed = points(missed.shown(), false);
    return missed.moreLine().map(more -> listed + "\n" + more).orElse(listed);
  }

  private static String points(List<KeyPointResult> results, boolean covered) {
    return results.stream()
        .filter(r -> covered ? r.coverage() != Coverage.MISSED : r.coverage() == Coverage.MISSED)
        .map(r -> (r.coverage() == Coverage.PARTIAL ? "◐ " : covered ? "✓ " : "✗ ") + r.keyPoint())
        .collect(Collectors.joining("\n"));
  }

  /** The group result posted in the reveal thread. */
  static MessageEmbed reveal(RevealSummary s) {
    EmbedBuilder e =
        new EmbedBuilder()
            .setColor(DAILY)
            .setTitle(Limits.fit("Results: " + s.post().question().title(), Limits.EMBED_TITLE))
            .setDescription(
                s.answered() == 0
                    ? "Nobody answered this one."
                    : s.answered()
                        + " answered · average "
                        + Math.round(s.averageScore())
                        + "/100");
    if (s.answered() > 0) {
      e.addField(
          "Key points (covered / partly / missed)",
          Limits.field(
              s.keyPoints().stream()
                  .map(
                      k ->
                          k.covered() + " / " + k.partial() + " / " + k.missed() + " · " + k.text())
                  .collect(Collectors.joining("\n"))),
          false);
      s.mostMissed()
          .ifPresent(
              k ->
                  e.addField(
                      "Most missed",
                      Limits.field(k.text() + " (missed by " + k.missed() + ")"),
                      false));
      StringBuilder top = new StringBuilder();
      for (int i = 0; i < s.topScorers().size(); i++) {
        RevealSummary.Scorer t = s.topScorers().get(i);
        top.append(i + 1)
            .append(". ")
            .append(name(t.displayName()))
            .append(" · ")
            .append(t.score())
            .append('\n');
      }
      e.addField("Top scorers", Limits.field(top.toString()), false);
    }
    e.addField("Model answer", Limits.field(s.modelAnswer()), false);
    if (!s.tip().isBlank()) {
      e.addField("Tip", Limits.field(s.tip()), false);
    }
    return e.build();
  }

  /** Shared answers, one embed field each (as many as fit). */
  static MessageEmbed shared(RevealSummary s) {
    EmbedBuilder e = new EmbedBuilder().setColor(DAILY).setTitle("Shared answers");
    int total = 0;
    for (RevealSummary.SharedAnswer a : s.shared()) {
      String title = Limits.fit(name(a.displayName()) + " · " + a.score(), Limits.EMBED_FIELD_NAME);
      String body = Limits.field(a.answer());
      if (e.getFields().size() >= Limits.EMBED_FIELDS
          || total + title.length() + body.length() > 5000) {
        break;
      }
      total += title.length() + body.length();
      e.addField(title, body, false);
    }
    return e.build();
  }

  /**
   * A display name as plain text: Markdown escaped; mentions are disabled on every message anyway.
   */
  static String name(String displayName) {
    String clean = displayName == null || displayName.isBlank() ? "someone" : displayName;
    return MarkdownSanitizer.escape(clean).replace("@", "@\u200B");
  }

  static String threadName(DailyPost post) {
    return Limits.fit(
        "Results · " + post.question().title().toLowerCase(Locale.ROOT).replaceAll("[?]", ""), 100);
  }
}
