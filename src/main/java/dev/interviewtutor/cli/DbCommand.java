package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.DatabaseCopy;
import dev.interviewtutor.store.DatabaseCopy.TableCheck;
import dev.interviewtutor.store.DatabaseTarget;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tutor db ...}: database maintenance. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Database maintenance.",
    subcommands = DbCommand.Copy.class)
public final class DbCommand implements Callable<Integer> {
  @ParentCommand TutorCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /**
   * {@code tutor db copy --from FILE.db --to jdbc:postgresql://host/db}: moves a community to
   * another database. The server's user and password come from TUTOR_DB_USER and TUTOR_DB_PASSWORD
   * (environment only).
   */
  @Command(
      name = "copy",
      mixinStandardHelpOptions = true,
      description = {
        "Copy every table (people, attempts, boards, reviews, streaks, daily settings and posts,"
            + " interviews, hints, caches) from one database to another, in one transaction, then verify each table"
            + " by row count and checksum.",
        "The server's user and password come from the environment: TUTOR_DB_USER, TUTOR_DB_PASSWORD."
      })
  static final class Copy implements Callable<Integer> {
    @ParentCommand DbCommand db;
    @Spec CommandSpec spec;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "FILE|URL",
        description =
            "Source: an SQLite file or a jdbc:postgresql:// URL (migrated to this version first)")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "URL|FILE",
        description =
            "Target: a jdbc:postgresql:// URL or an SQLite file (created and migrated if new)")
    String to;

    @Option(
        names = {"--force", "--into-non-empty"},
        description =
            "Replace the data of a target that is not empty (default: refuse and copy nothing)")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TutorConfig config = db.root.config();
      DatabaseTarget source;
      DatabaseTarget target;
      try {
        source = DatabaseTarget.parse(from, config.db().user(), config.db().password());
        target = DatabaseTarget.parse(to, config.db().user(), config.db().password());
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage().replace("TUTOR_DB=", "--from/--to "));
        return 2;
      }
      if (source.describe().equals(target.describe())) {
        err.println(
            "--from and --to name the same database (" + source.describe() + "): nothing to copy.");
        return 2;
      }
      if (!source.isPostgres() && !java.nio.file.Files.isRegularFile(source.file())) {
        err.println("--from " + source.describe() + ": no such SQLite file.");
        return 2;
      }
      try (Database a = Database.open(source);
          Database b = Database.open(target)) {
        out.println("Copying " + a.describe() + " -> " + b.describe() + " ...");
        out.flush();
        List<TableCheck> checks = DatabaseCopy.copy(a, b, force);
        out.printf("%-22s %12s %12s  %s%n", "table", "source rows", "target rows", "checksum");
        boolean ok = true;
        for (TableCheck c : checks) {
          out.printf(
              "%-22s %12d %12d  %s%n",
              c.table(),
              c.sourceRows(),
              c.targetRows(),
              c.matches()
                  ? c.sourceChecksum() + " ok"
                  : c.sourceChecksum() + " != " + c.targetChecksum());
          ok &= c.matches();
        }
        out.println(
            ok
                ? "Verified: every table has the same rows on both sides."
                : "MISMATCH: the tables marked != differ; do not switch TUTOR_DB to the target.");
        return ok ? 0 : 1;
      } catch (DatabaseCopy.TargetNotEmptyException e) {
        err.println(e.getMessage());
        return 2;
      }
    }
  }
}
