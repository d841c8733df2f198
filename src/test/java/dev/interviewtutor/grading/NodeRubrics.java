package dev.interviewtutor.grading;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Misconception;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rubrics for the seed questions 71–80, written by hand the way rubric derivation reads the seed bank
 * (explanation, bullets, tip; ❌ lines and negated statements as misconceptions; code as evidence terms).
 */
final class NodeRubrics {
  private NodeRubrics() {}

  static final Map<String, List<String>> SYNONYMS = Map.of(
      "clustering", List.of("cluster", "pm2"),
      "backpressure", List.of("back-pressure", "flow control"),
      "horizontal", List.of("scale out"));

  static Rubric q71() {
    return rubric("71", "How Does Node.js Scale?",
        List.of(
            kp("Node.js scales using process-level and infrastructure-level techniques, not threads per request", 2, "explanation"),
            kp("Clustering (multiple processes)", 1, "section:Scaling Methods"),
            kp("Load balancing", 1, "section:Scaling Methods"),
            kp("Horizontal scaling", 1, "section:Scaling Methods"),
            kp("Stateless APIs", 1, "section:Scaling Methods"),
            kp("Node.js scales horizontally, not vertically", 1, "tip")),
        List.of(new Misconception("m1", "Node.js creates a new thread per request", "Node serves requests on one event loop thread; it scales with processes and machines.", "negation"),
            new Misconception("m2", "Node.js scales vertically", "", "negation")),
        List.of("pm2 start app.js -i max"), "Node.js scales horizontally, not vertically.");
  }

  static Rubric q72() {
    return rubric("72", "What Are Worker Threads?",
        List.of(
            kp("Worker Threads allow Node.js to run JavaScript in parallel threads", 2, "explanation"),
            kp("Used for CPU-intensive tasks", 1, "section:Used for"),
            kp("Used for cryptography", 1, "section:Used for"),
            kp("Used for data processing", 1, "section:Used for"),
            kp("Worker threads share memory using SharedArrayBuffer", 1, "tip")),
        List.of(), List.of("new Worker", "worker_threads"), "Worker threads share memory using SharedArrayBuffer.");
  }

  static Rubric q73() {
    return rubric("73", "When Would You Use Worker Threads?",
        List.of(
            kp("Image processing", 1, "section:Use Cases"),
            kp("PDF generation", 1, "section:Use Cases"),
            kp("Encryption/decryption", 1, "section:Use Cases"),
            kp("ML computations", 1, "section:Use Cases")),
        List.of(new Misconception("m1", "Use worker threads for I/O operations", "Node already handles I/O well on the event loop.", "bad-use")),
        List.of(), "");
  }

  static Rubric q74() {
    return rubric("74", "What Is Backpressure in Node.js?",
        List.of(
            kp("Backpressure occurs when a stream produces data faster than it can be consumed", 2, "explanation"),
            kp("readable.pipe(writable) handles backpressure automatically", 1, "example"),
            kp("Ignoring backpressure causes memory leaks", 1, "tip")),
        List.of(), List.of("pipe", "readable.pipe(writable)"), "Ignoring backpressure causes memory leaks.");
  }

  static Rubric q75() {
    return rubric("75", "What Causes Memory Leaks in Node.js?",
        List.of(
            kp("Global variables", 1, "section:Common Causes"),
            kp("Event listeners not removed", 1, "section:Common Causes"),
            kp("Closures holding references", 1, "section:Common Causes"),
            kp("Timers not cleared", 1, "section:Common Causes")),
        List.of(), List.of("global.users.push(user)"), "");
  }

  static Rubric q77() {
    return rubric("77", "What Is Garbage Collection in V8?",
        List.of(
            kp("Garbage Collection frees unused memory automatically", 2, "explanation"),
            kp("Minor GC (young generation)", 1, "section:Types"),
            kp("Major GC (old generation)", 1, "section:Types"),
            kp("Manual GC is not allowed in Node.js", 1, "tip")),
        List.of(new Misconception("m1", "Manual GC is allowed in Node.js", "", "negation")),
        List.of(), "Manual GC is not allowed in Node.js.");
  }

  static Rubric q78() {
    return rubric("78", "Heap vs Stack",
        List.of(
            kp("Stack: function calls; Heap: objects", 1, "table"),
            kp("Stack: fast; Heap: larger", 1, "table"),
            kp("Stack: auto-managed; Heap: GC-managed", 1, "table"),
            kp("Stack overflow is not a memory leak", 1, "tip")),
        List.of(new Misconception("m1", "A stack overflow is a memory leak", "A stack overflow is too-deep recursion filling the call stack; a leak is heap memory that is never freed.", "negation")),
        List.of(), "Stack overflow ≠ memory leak.");
  }

  static List<Rubric> all() {
    return List.of(q71(), q72(), q73(), q74(), q75(), q77(), q78());
  }

  private static KeyPoint kp(String text, double weight, String origin) {
    return new KeyPoint("?", text, weight, List.of(), origin);
  }

  private static Rubric rubric(String id, String question, List<KeyPoint> points, List<Misconception> wrong,
      List<String> evidence, String tip) {
    List<KeyPoint> numbered = new ArrayList<>();
    for (KeyPoint p : points) {
      numbered.add(new KeyPoint("kp" + (numbered.size() + 1), p.text(), p.weight(), p.synonyms(), p.origin()));
    }
    String reference = String.join(". ", points.stream().map(KeyPoint::text).toList()) + ".";
    return new Rubric(id, question, "nodejs", numbered, wrong, evidence, SYNONYMS, reference, tip,
        ReferenceAnswerRubrics.version(id, question, reference, wrong.toString(), tip));
  }
}
