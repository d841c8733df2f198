package dev.interviewtutor.grading.llm;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Misconception;
import dev.interviewtutor.knowledge.Rubric;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;

/**
 * The JSON schema of a grading reply, with the rubric's own ids as enums so the model cannot invent
 * ids.
 */
final class GradeReplySchema {
  private GradeReplySchema() {}

  static ResponseFormat forRubric(Rubric rubric) {
    List<String> keyPointIds = rubric.keyPoints().stream().map(KeyPoint::id).toList();
    List<String> misconceptionIds =
        rubric.misconceptions().stream().map(Misconception::id).toList();

    JsonObjectSchema keyPoint =
        JsonObjectSchema.builder()
            .addProperty("id", JsonEnumSchema.builder().enumValues(keyPointIds).build())
            .addProperty(
                "coverage",
                JsonEnumSchema.builder().enumValues("covered", "partial", "missed").build())
            .addProperty(
                "quote",
                JsonStringSchema.builder()
                    .description("exact span copied from the answer; empty when missed")
                    .build())
            .required("id", "coverage", "quote")
            .additionalProperties(false)
            .build();
    JsonSchemaElement misconceptionId =
        misconceptionIds.isEmpty()
            ? JsonStringSchema.builder().build()
            : JsonEnumSchema.builder().enumValues(misconceptionIds).build();
    JsonObjectSchema misconception =
        JsonObjectSchema.builder()
            .addProperty("id", misconceptionId)
            .addProperty("quote", JsonStringSchema.builder().build())
            .required("id", "quote")
            .additionalProperties(false)
            .build();
    JsonObjectSchema root =
        JsonObjectSchema.builder()
            .addProperty("keyPoints", JsonArraySchema.builder().items(keyPoint).build())
            .addProperty("misconceptions", JsonArraySchema.builder().items(misconception).build())
            .addProperty("score", JsonIntegerSchema.builder().description("0 to 100").build())
            .addProperty("feedback", JsonStringSchema.builder().build())
            .required("keyPoints", "misconceptions", "score", "feedback")
            .additionalProperties(false)
            .build();
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name("grade").rootElement(root).build())
        .build();
  }
}
