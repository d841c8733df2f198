package dev.interviewtutor.knowledge.lint;

import java.util.List;

/**
 * The outcome of linting a bank.
 *
 * @param warnings what still has to be fixed (or acknowledged), including acknowledgements that are
 *     malformed or match no warning; sorted by file and line
 * @param acknowledged warnings a bank keeps on purpose, each with the reason its {@code
 *     lint-acknowledged:} entry gives; not counted as warnings
 */
public record LintReport(List<LintWarning> warnings, List<Acknowledged> acknowledged) {
  public LintReport {
    warnings = List.copyOf(warnings);
    acknowledged = List.copyOf(acknowledged);
  }

  /**
   * A warning kept on purpose.
   *
   * @param warning the warning as it would have been reported
   * @param reason the bank's one-line reason for keeping it
   */
  public record Acknowledged(LintWarning warning, String reason) {
    @Override
    public String toString() {
      return warning + " — acknowledged: " + reason;
    }
  }
}
