package dev.interviewtutor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms in a code example whose presence in an answer shows hands-on knowledge: constructors
 * ({@code new Worker}), modules ({@code worker_threads}), calls ({@code pipe}, {@code
 * process.memoryUsage()}, {@code redis.get}), commands with their options ({@code pm2 -i max},
 * {@code node --inspect}) and the boxes of an arrow diagram ({@code Load Balancer}).
 */
final class EvidenceTerms {
  private EvidenceTerms() {}

  private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Z_$][\\w$]*)");
  private static final Pattern MODULE =
      Pattern.compile("(?:\\bfrom\\s+|\\brequire\\s*\\(\\s*|\\bimport\\s+)[\"']([^\"']+)[\"']");
  private static final Pattern NAMED_IMPORT = Pattern.compile("\\bimport\\s*\\{([^}]*)}");
  private static final Pattern CALL =
      Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)\\s*\\(");
  private static final Pattern COMMAND =
      Pattern.compile("^(?:\\$\\s+)?([a-z][\\w.-]*)(\\s+[^(){};=]*)?$");
  private static final Pattern LINE_COMMENT = Pattern.compile("(^|\\s)//.*$");
  private static final Set<String> GLOBALS =
      Set.of(
          "process",
          "global",
          "globalThis",
          "Buffer",
          "v8",
          "os",
          "cluster",
          "fs",
          "crypto",
          "stream",
          "worker_threads",
          "Atomics",
          "performance");
  private static final Set<String> GENERIC_METHODS =
      Set.of(
          "get",
          "set",
          "push",
          "pop",
          "log",
          "then",
          "catch",
          "call",
          "apply",
          "bind",
          "map",
          "filter",
          "forEach",
          "reduce",
          "toString",
          "add",
          "has",
          "error",
          "info",
          "warn",
          "debug",
          "write",
          "read",
          "send",
          "json",
          "end",
          "start",
          "run",
          "exec",
          "on",
          "once",
          "use",
          "emit");
  private static final Set<String> KEYWORDS =
      Set.of(
          "if",
          "for",
          "while",
          "switch",
          "catch",
          "function",
          "return",
          "require",
          "import",
          "typeof",
          "super",
          "console",
          "next",
          "resolve",
          "reject",
          "callback",
          "cb",
          "done");
  private static final Set<String> CODE_WORDS =
      Set.of(
          "const",
          "let",
          "var",
          "function",
          "return",
          "import",
          "export",
          "class",
          "if",
          "for",
          "while",
          "await",
          "async",
          "new",
          "console");

  static List<String> fromCode(String code) {
    Set<String> terms = new LinkedHashSet<>();
    for (String rawLine : code.split("\n")) {
      String line = LINE_COMMENT.matcher(rawLine).replaceAll("").strip();
      if (line.isEmpty() || line.startsWith("#") && !line.startsWith("#!")) {
        continue;
      }
      if (line.contains("→") || line.contains("->") && !line.contains("=>")) {
        for (String box : line.split("\\s*(?:→|->)\\s*")) {
          if (!box.isBlank()) {
            terms.add(box.strip());
          }
        }
        continue;
      }
      Matcher command = COMMAND.matcher(line);
      if (command.matches() && !CODE_WORDS.contains(command.group(1))) {
        terms.addAll(commandTerms(line.replaceFirst("^\\$\\s+", "")));
        continue;
      }
      if (line.matches("(?s).*\\bawait\\b.*")) {
        terms.add("await");
      }
      Matcher named = NAMED_IMPORT.matcher(line);
      while (named.find()) {
        for (String name : named.group(1).split(",")) {
          String n = name.strip().replaceAll("\\s+as\\s+.*$", "");
          if (!n.isEmpty()) {
            terms.add(n);
          }
        }
      }
      Matcher module = MODULE.matcher(line);
      while (module.find()) {
        if (!module.group(1).startsWith(".")) {
          terms.add(module.group(1).replaceFirst("^node:", ""));
        }
      }
      Matcher constructor = NEW.matcher(line);
      while (constructor.find()) {
        terms.add("new " + constructor.group(1));
      }
      Matcher call = CALL.matcher(line);
      while (call.find()) {
        String chain = call.group(1);
        if (line.substring(0, call.start()).matches(".*\\bnew\\s+$")) {
          continue;
        }
        String term = callTerm(chain);
        if (term != null) {
          terms.add(term);
        }
      }
    }
    return new ArrayList<>(terms);
  }

  private static String callTerm(String chain) {
    String[] parts = chain.split("\\.");
    if (parts.length == 1) {
      return KEYWORDS.contains(parts[0]) ? null : parts[0];
    }
    String root = parts[0];
    String method = parts[parts.length - 1];
    if (root.equals("console")) {
      return null;
    }
    if (GLOBALS.contains(root)) {
      return parts.length == 2 ? root + "." + method + "()" : root + "." + parts[1];
    }
    if (GENERIC_METHODS.contains(method)) {
      return parts[parts.length - 2] + "." + method;
    }
    return method;
  }

  /** "pm2 start app.js -i max" → "pm2", "pm2 -i max", "-i max". */
  private static List<String> commandTerms(String line) {
    String[] tokens = line.strip().split("\\s+");
    List<String> out = new ArrayList<>();
    out.add(tokens[0]);
    List<String> options = new ArrayList<>();
    for (int i = 1; i < tokens.length; i++) {
      if (tokens[i].startsWith("-")) {
        String option = tokens[i];
        if (i + 1 < tokens.length
            && !tokens[i + 1].startsWith("-")
            && !tokens[i + 1].contains(".")
            && !tokens[i].contains("=")
            && tokens[i].length() == 2) {
          option += " " + tokens[++i];
        }
        options.add(option);
      }
    }
    if (!options.isEmpty()) {
      out.add(tokens[0] + " " + String.join(" ", options));
      out.addAll(options);
    }
    return out;
  }
}
