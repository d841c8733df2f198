package dev.interviewtutor.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.KeyPointResult;
import java.util.List;

/** The per-key-point results of an attempt as stored in {@code attempts.key_points}. */
final class KeyPointJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code confidence} is absent in rows written before it existed: those read as sure. */
  record Row(String id, String text, String coverage, String evidence, Double confidence) {}

  private KeyPointJson() {}

  static String write(List<KeyPointResult> results) {
    try {
      return JSON.writeValueAsString(
          results.stream()
              .map(
                  r ->
                      new Row(
                          r.keyPointId(),
                          r.keyPoint(),
                          r.coverage().name(),
                          r.evidence(),
                          r.confidence()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<KeyPointResult> read(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<Row> rows = JSON.readValue(json, new TypeReference<List<Row>>() {});
      return rows.stream()
          .map(
              r ->
                  new KeyPointResult(
                      r.id(),
                      r.text(),
                      Coverage.valueOf(r.coverage()),
                      r.evidence() == null ? "" : r.evidence(),
                      r.confidence() == null ? 1.0 : r.confidence()))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable key_points JSON: " + json, e);
    }
  }
}
