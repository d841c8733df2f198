package dev.interviewtutor.cli;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.Section;
import dev.interviewtutor.knowledge.SourceLocation;
import dev.interviewtutor.practice.Leaderboard;
import dev.interviewtutor.practice.Period;
import dev.interviewtutor.practice.PersonStats;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.PracticeService.GradedAnswer;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.BoardRepository;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.DatabaseTarget;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.Sql;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tutor bench-store}: measures the store through the practice engine on a fresh database:
 * recording attempts (one transaction each, and batched), a scope leaderboard, and one person's
 * stats. Grading is not part of it (answers are pre-graded) so the numbers are the store's. Runs on
 * a scratch SQLite file and, with {@code --postgres URL}, on a scratch database created on that
 * PostgreSQL server (dropped after), in one run.
 */
@Command(
    name = "bench-store",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the store: record attempts, leaderboards, stats (writes a scratch database).",
      "With --postgres, the same run also on a scratch database of that server (user and password from"
          + " TUTOR_DB_USER, TUTOR_DB_PASSWORD; the account needs CREATEDB)."
    })
public final class BenchStoreCommand implements Callable<Integer> {
  @Option(names = "--attempts", description = "Attempts to record (default ${DEFAULT-VALUE})")
  int attempts = 1_000_000;

  @Option(names = "--people", description = "Distinct people (default ${DEFAULT-VALUE})")
  int people = 10_000;

  @Option(
      names = "--measure",
      description =
          "Of those, attempts recorded through the real path, the rest are"
              + " bulk-generated in SQL first (default ${DEFAULT-VALUE})")
  int measure = 50_000;

  @Option(
      names = "--batch",
      description = "Attempts per transaction in the batched phase (default ${DEFAULT-VALUE})")
  int batch = 1_000;

  @Option(
      names = "--single",
      description = "Attempts recorded one transaction each first (default ${DEFAULT-VALUE})")
  int single = 5_000;

  @Option(
      names = "--threads",
      description =
          "Threads recording one answer at a time (one transaction each, as the"
              + " bot and the terminal do), after the batched phase (default ${DEFAULT-VALUE}; 0 skips it)")
  int threads = 32;

  @Option(
      names = "--concurrent",
      description = "Attempts recorded by those threads (default ${DEFAULT-VALUE})")
  int concurrent = 20_000;

  @Option(
      names = "--days",
      description = "Days the attempts are spread over (default ${DEFAULT-VALUE})")
  int days = 120;

  @Option(names = "--queries", description = "Repetitions of each query (default ${DEFAULT-VALUE})")
  int queries = 200;

  @Option(
      names = "--file",
      description = "Scratch database file (default: a new temporary file, deleted after)")
  Path file;

  @Option(
      names = "--postgres",
      paramLabel = "URL",
      description =
          "Also run on PostgreSQL: a jdbc:postgresql://host/db"
              + " URL of a server on which a scratch database is created and dropped after")
  String postgres;

  @Option(names = "--skip-sqlite", description = "Run only on PostgreSQL")
  boolean skipSqlite;

  @Option(
      names = "--warmup",
      description =
          "Untimed leaderboard reads per board before the timed ones (default ${DEFAULT-VALUE})")
  int warmup = 20;

  @Option(
      names = "--explain",
      description = "Print the plan of one leaderboard read (page 10, with the asker) per backend")
  boolean explain;

  @picocli.CommandLine.ParentCommand TutorCommand root;

  @Override
  public Integer call() throws Exception {
    if (!skipSqlite) {
      Path dbFile =
          file != null ? file : Files.createTempDirectory("bench-store").resolve("bench.db");
      Files.deleteIfExists(dbFile);
      try {
        run(DatabaseTarget.sqlite(dbFile));
      } finally {
        if (file == null) {
          for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(dbFile + suffix));
          }
          Files.deleteIfExists(dbFile.getParent());
        }
      }
    }
    if (postgres != null) {
      DatabaseTarget server =
          DatabaseTarget.parse(
              postgres,
              root == null ? "" : root.config().db().user(),
              root == null ? "" : root.config().db().password());
      String scratch = "tutor_bench_" + ProcessHandle.current().pid();
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection(
                  server.jdbcUrl(), server.user(), server.password());
          java.sql.Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + scratch);
      }
      try {
        run(
            new DatabaseTarget(
                null, withDatabase(server.jdbcUrl(), scratch), server.user(), server.password()));
      } finally {
        try (java.sql.Connection c =
                java.sql.DriverManager.getConnection(
                    server.jdbcUrl(), server.user(), server.password());
            java.sql.Statement st = c.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + scratch);
        }
      }
    }
    return 0;
  }

  /** The same server URL naming another database. */
  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    return (slash < 0 ? url + "/" : url.substring(0, slash + 1))
        + database
        + (query < 0 ? "" : url.substring(query));
  }

  private void run(DatabaseTarget target) throws Exception {
    PrintStream out = System.out;
    boolean pg = target.isPostgres();
    out.printf(
        Locale.ROOT,
        "bench-store on %s: %,d attempts by %,d people over %d days, %s%n",
        pg ? "PostgreSQL" : "SQLite",
        attempts,
        people,
        days,
        target.describe());
    out.printf(
        Locale.ROOT,
        "machine: %d cores, %s %s, Java %s, load average %.1f at start%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    QuestionBank bank = syntheticBank(100, 5);
    SettableClock clock = new SettableClock(Instant.parse("2026-01-01T08:00:00Z"));
    Random random = new Random(42);
    long spanMillis = Duration.ofDays(days).toMillis();
    long start = clock.instant().toEpochMilli();
    int toMeasure = Math.min(measure, attempts);
    long bulk = attempts - toMeasure;
    List<Person> persons = new ArrayList<>(people);
    try (Database db = Database.open(target)) {
      PracticeService service =
          new PracticeService(bank, BenchStoreCommand::rubric, new UnusedGrader(), db, clock);
      Scope guild = service.scope(ScopeKind.GUILD, "bench", "Bench guild");
      long t0 = System.nanoTime();
      for (int i = 0; i < people; i++) {
        persons.add(
            service.person(
                "discord:" + (100_000 + i),
                "Person " + i,
                i % 3 == 0
                    ? ZoneId.of("Europe/Berlin")
                    : i % 3 == 1 ? ZoneId.of("America/New_York") : ZoneOffset.UTC));
      }
      out.printf(
          Locale.ROOT, "people created: %,d in %.1f s%n", people, (System.nanoTime() - t0) / 1e9);
      if (bulk > 0) {
        db.close();
        t0 = System.nanoTime();
        StoreBulkFill.fill(
            target, guild.id(), persons.get(0).id(), people, bulk, start, spanMillis, out);
        out.printf(
            Locale.ROOT,
            "bulk-generated %,d attempts in SQL and rebuilt the summaries in %.1f s (setup, not"
                + " the recording path)%n",
            bulk,
            (System.nanoTime() - t0) / 1e9);
      }
    }
    try (Database db = Database.open(target)) {
      PracticeService service =
          new PracticeService(bank, BenchStoreCommand::rubric, new UnusedGrader(), db, clock);
      Scope guild = service.scope(ScopeKind.GUILD, "bench", "Bench guild");
      long t0;
      long end = start + spanMillis;
      Supplier<GradedAnswer> next =
          () -> {
            Person p = persons.get(random.nextInt(persons.size()));
            Question q = bank.questions().get(random.nextInt(bank.questions().size()));
            return new GradedAnswer(
                p,
                guild,
                q,
                "benchmark answer",
                grade(q, random.nextInt(101)),
                AttemptKind.PRACTICE,
                0);
          };
      long recorded = 0;
      int singles = Math.min(single, toMeasure);
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      t0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < singles; i++) {
        clock.set(end + recorded * 50);
        service.recordAll(List.of(next.get()));
        recorded++;
      }
      double singleSeconds = (System.nanoTime() - t0) / 1e9;
      double singleCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
      out.printf(
          Locale.ROOT,
          "record, one transaction per attempt: %,d attempts in %.2f s = %,.0f attempts/s"
              + " (CPU time of the recording thread %.2f s = %,.0f attempts per CPU-second)%n",
          singles,
          singleSeconds,
          singles / singleSeconds,
          singleCpu,
          singles / singleCpu);
      t0 = System.nanoTime();
      c0 = cpu.getCurrentThreadCpuTime();
      long batched = 0;
      while (recorded < toMeasure) {
        int n = (int) Math.min(batch, toMeasure - recorded);
        clock.set(end + recorded * 50);
        List<GradedAnswer> chunk = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          chunk.add(next.get());
        }
        service.recordAll(chunk);
        recorded += n;
        batched += n;
      }
      double batchSeconds = (System.nanoTime() - t0) / 1e9;
      double batchCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
      if (batched > 0) {
        out.printf(
            Locale.ROOT,
            "record, batched %d per transaction: %,d attempts in %.1f s = %,.0f attempts/s"
                + " (CPU time of the recording thread %.1f s = %,.0f attempts per CPU-second)%n",
            batch,
            batched,
            batchSeconds,
            batched / batchSeconds,
            batchCpu,
            batched / batchCpu);
      }
      if (threads > 0 && concurrent > 0) {
        // Live traffic: each thread records one answer at a time (PracticeService.record, one
        // transaction each,
        // as the bot and the terminal do).
        clock.set(end + recorded * 50);
        int perThread = Math.max(1, concurrent / threads);
        List<GradedAnswer> pregen = new ArrayList<>(perThread * threads);
        for (int i = 0; i < perThread * threads; i++) {
          pregen.add(next.get());
        }
        java.util.concurrent.ExecutorService pool =
            java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
          List<GradedAnswer> mine = pregen.subList(t * perThread, (t + 1) * perThread);
          done.add(pool.submit(() -> mine.forEach(service::record)));
        }
        for (java.util.concurrent.Future<?> f : done) {
          f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        out.printf(
            Locale.ROOT,
            "record, %d threads one answer at a time (one transaction each): %,d attempts in %.1f s"
                + " = %,.0f attempts/s%n",
            threads,
            pregen.size(),
            seconds,
            pregen.size() / seconds);
      }
      out.printf(
          Locale.ROOT,
          "database size: %.1f MB%n",
          (pg
                  ? db.read(c -> Sql.count(c, "SELECT pg_database_size(current_database())"))
                  : Files.size(target.file()))
              / 1e6);

      Person asker = persons.get(people / 2);
      measureBoards(out, service, db, clock, guild, asker, "");
      if (pg) {
        // The boards just written carry dead index entries until a vacuum clears them (each
        // answer moves six board rows in the ranked index); autovacuum does it within a minute or
        // so (V11 sets it to 2% of the rows). Measured again once it has run.
        try (java.sql.Connection c =
                java.sql.DriverManager.getConnection(
                    target.jdbcUrl(), target.user(), target.password());
            java.sql.Statement st = c.createStatement()) {
          st.execute(
              "VACUUM (ANALYZE) board_points, everywhere_points, board_sizes, everywhere_sizes");
        }
        measureBoards(out, service, db, clock, guild, asker, " after vacuum");
      }
      long[] times = new long[queries];
      int answers = 0;
      for (int i = 0; i < queries; i++) {
        Person p = persons.get(random.nextInt(persons.size()));
        long q0 = System.nanoTime();
        PersonStats s = service.stats(p);
        times[i] = System.nanoTime() - q0;
        answers += s.answers();
      }
      out.printf(
          Locale.ROOT,
          "load average %.1f at the end%n",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.printf(
          Locale.ROOT,
          "stats of one person (%.0f answers on average): p50 %.2f ms, p99 %.2f ms%n",
          (double) answers / queries,
          pct(times, 50),
          pct(times, 99));
    }
  }

  /** Times {@link #queries} reads (after {@link #warmup} untimed ones) of each board. */
  private void measureBoards(
      PrintStream out,
      PracticeService service,
      Database db,
      java.time.Clock clock,
      Scope guild,
      Person asker,
      String when) {
    for (Period period : Period.values()) {
      for (String topic : new String[] {null, "topic-3"}) {
        long[] times = new long[queries];
        Leaderboard last = null;
        for (int i = 0; i < warmup; i++) {
          service.leaderboard(guild, period, topic, (i % 10) * 10, 10, asker);
        }
        for (int i = 0; i < queries; i++) {
          long q0 = System.nanoTime();
          last = service.leaderboard(guild, period, topic, (i % 10) * 10, 10, asker);
          times[i] = System.nanoTime() - q0;
        }
        out.printf(
            Locale.ROOT,
            "leaderboard %-5s %-8s page of 10 + own rank (%,d on board)%s: p50 %.2f ms,"
                + " p99 %.2f ms%n",
            period.name().toLowerCase(Locale.ROOT),
            topic == null ? "all" : topic,
            last.total(),
            when,
            pct(times, 50),
            pct(times, 99));
      }
    }
    for (Period period : Period.values()) {
      long[] times = new long[queries];
      Leaderboard last = null;
      for (int i = 0; i < warmup; i++) {
        service.leaderboardEverywhere(period, (i % 10) * 10, 10, asker);
      }
      for (int i = 0; i < queries; i++) {
        long q0 = System.nanoTime();
        last = service.leaderboardEverywhere(period, (i % 10) * 10, 10, asker);
        times[i] = System.nanoTime() - q0;
      }
      out.printf(
          Locale.ROOT,
          "leaderboard %-5s everywhere page of 10 + own rank (%,d on board)%s: p50 %.2f ms,"
              + " p99 %.2f ms%n",
          period.name().toLowerCase(Locale.ROOT),
          last.total(),
          when,
          pct(times, 50),
          pct(times, 99));
    }
    if (explain) {
      String week = Period.WEEK.key(clock.instant().atZone(asker.zone()).toLocalDate());
      out.println("plan of the week/all board read, page 10, with the asker's rank" + when + ":");
      db.read(c -> BoardRepository.plan(c, guild.id(), week, "", 90, 10, asker.id()))
          .forEach(line -> out.println("  " + line));
    }
  }

  private static double pct(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index =
        Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static QuestionBank syntheticBank(int questions, int topics) {
    List<Question> list = new ArrayList<>();
    for (int i = 1; i <= questions; i++) {
      list.add(
          new Question(
              String.valueOf(i),
              "Benchmark question " + i,
              "topic-" + (i % topics),
              "",
              List.of(
                  new Section(
                      "Key points",
                      Section.Kind.HEADING,
                      "",
                      List.of("first point", "second point", "third point"),
                      List.of())),
              List.of(),
              List.of(),
              "",
              new SourceLocation(Path.of("bench.md"), i)));
    }
    return new QuestionBank(list);
  }

  private static Rubric rubric(Question q) {
    List<KeyPoint> kps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      kps.add(
          new KeyPoint(
              "kp" + (i + 1), q.sections().get(0).bullets().get(i), 1, List.of(), "bench"));
    }
    return new Rubric(
        q.id(), q.title(), q.topic(), kps, List.of(), List.of(), Map.of(), "", "", "bench");
  }

  private static Grade grade(Question q, int score) {
    List<KeyPointResult> results =
        List.of(
            new KeyPointResult(
                "kp1", "first point", score > 30 ? Coverage.COVERED : Coverage.MISSED, ""),
            new KeyPointResult(
                "kp2", "second point", score > 60 ? Coverage.COVERED : Coverage.MISSED, ""),
            new KeyPointResult(
                "kp3", "third point", score > 90 ? Coverage.COVERED : Coverage.MISSED, ""));
    return new Grade(
        q.id(),
        score,
        score >= 70 ? Verdict.CORRECT : Verdict.PARTIALLY_CORRECT,
        results,
        List.of(),
        "",
        "",
        "bench",
        List.of());
  }

  /** The benchmark never grades: answers come pre-graded. */
  private static final class UnusedGrader implements Grader {
    @Override
    public Grade grade(Rubric rubric, String answer) {
      throw new IllegalStateException(
          "the store benchmark records pre-graded answers; nothing may grade here");
    }

    @Override
    public String name() {
      return "bench";
    }
  }

  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      now = start;
    }

    void set(long epochMilli) {
      now = Instant.ofEpochMilli(epochMilli);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
