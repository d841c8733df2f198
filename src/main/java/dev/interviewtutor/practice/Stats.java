package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.AttemptRow;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.ReviewState;
import dev.interviewtutor.store.StreakRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds {@link PersonStats} from one person's rows. */
final class Stats {
  private static final int MASTERY_WINDOW = 3;

  private Stats() {}

  static PersonStats of(
      Person person,
      QuestionBank bank,
      List<AttemptRow> attempts,
      Optional<StreakRow> streak,
      List<ReviewState> reviews,
      LocalDate today) {
    Map<String, List<Integer>> scoresByQuestion = new HashMap<>();
    TreeMap<LocalDate, int[]> byDay = new TreeMap<>(); // answers, score sum, points
    long scoreSum = 0;
    int points = 0;
    for (AttemptRow a : attempts) {
      scoresByQuestion.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a.score());
      int[] d = byDay.computeIfAbsent(LocalDate.parse(a.localDay()), k -> new int[3]);
      d[0]++;
      d[1] += a.score();
      d[2] += a.points();
      scoreSum += a.score();
      points += a.points();
    }
    Map<String, ReviewState> reviewByQuestion = new HashMap<>();
    reviews.forEach(r -> reviewByQuestion.put(r.questionId(), r));
    List<PersonStats.QuestionMastery> questions = new ArrayList<>();
    Map<String, int[]> topic = new java.util.LinkedHashMap<>(); // answered, total, mastery sum
    for (Question q : bank.questions()) {
      int[] t = topic.computeIfAbsent(q.topic(), k -> new int[3]);
      t[1]++;
      List<Integer> scores = scoresByQuestion.get(q.id());
      if (scores == null) {
        continue;
      }
      List<Integer> recent =
          scores.subList(Math.max(0, scores.size() - MASTERY_WINDOW), scores.size());
      int mastery =
          (int) Math.round(recent.stream().mapToInt(Integer::intValue).average().orElse(0));
      ReviewState r = reviewByQuestion.get(q.id());
      questions.add(
          new PersonStats.QuestionMastery(
              q.id(),
              q.title(),
              q.topic(),
              scores.size(),
              scores.get(scores.size() - 1),
              mastery,
              r == null ? today : LocalDate.parse(r.dueDay())));
      t[0]++;
      t[2] += mastery;
    }
    List<PersonStats.TopicMastery> topics =
        topic.entrySet().stream()
            .map(
                e ->
                    new PersonStats.TopicMastery(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[1] == 0
                            ? 0
                            : Math.round((float) e.getValue()[2] / e.getValue()[1])))
            .toList();
    List<PersonStats.DayPoint> overTime = new ArrayList<>();
    int cumulative = 0;
    for (Map.Entry<LocalDate, int[]> e : byDay.entrySet()) {
      cumulative += e.getValue()[2];
      overTime.add(
          new PersonStats.DayPoint(
              e.getKey(), e.getValue()[0], (double) e.getValue()[1] / e.getValue()[0], cumulative));
    }
    String todayText = today.toString();
    int due =
        (int)
            reviews.stream()
                .filter(
                    r ->
                        r.dueDay().compareTo(todayText) <= 0
                            && bank.find(r.questionId()).isPresent())
                .count();
    return new PersonStats(
        person,
        attempts.size(),
        attempts.isEmpty() ? 0 : (double) scoreSum / attempts.size(),
        points,
        Streaks.current(streak, today),
        streak.map(StreakRow::best).orElse(0),
        due,
        topics,
        questions,
        overTime);
  }
}
