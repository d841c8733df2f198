package dev.interviewtutor.console;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.knowledge.Rubric;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline grader, loaded on a background thread so the terminal shows its first question at
 * once: loading the embedding model and embedding a rubric take seconds, which the person spends
 * reading and typing. {@link #warm} embeds the rubrics of the questions being asked meanwhile.
 * Grading before the model is ready waits for it, after telling the person ({@code onWait}), so a
 * slow start is never silent.
 */
public final class BackgroundGrader implements Grader, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundGrader.class);

  /** Never graded: it only makes the grader embed a rubric ahead of the real answer. */
  static final String WARM_UP_ANSWER = "warm up";

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "grader-warm-up");
            t.setDaemon(true);
            return t;
          });
  private final Supplier<Grader> factory;
  private CompletableFuture<Grader> loaded;
  private final Runnable onWait;
  private final AtomicBoolean waitTold = new AtomicBoolean();
  private final String name;

  /**
   * @param factory loads the grader (the model)
   * @param onWait told once, when an answer must wait for the model
   * @param startNow start loading at once (a command that will grade); otherwise at the first
   *     {@link #warm} or grade (a command that may never grade loads nothing)
   */
  public BackgroundGrader(
      Supplier<Grader> factory, String name, Runnable onWait, boolean startNow) {
    this.factory = factory;
    this.onWait = onWait;
    this.name = name;
    if (startNow) {
      loaded();
    }
  }

  private synchronized CompletableFuture<Grader> loaded() {
    if (loaded == null) {
      loaded = CompletableFuture.supplyAsync(factory, worker);
    }
    return loaded;
  }

  /** Starts loading the model in the background, if it has not started yet. */
  public void startLoading() {
    loaded();
  }

  /**
   * Embeds these rubrics in the background, after the model (cached by the grader; errors only
   * logged).
   */
  public void warm(List<Rubric> rubrics) {
    if (rubrics.isEmpty() || worker.isShutdown()) {
      return;
    }
    CompletableFuture<Grader> loaded = loaded();
    try {
      worker.execute(
          () -> {
            for (Rubric rubric : rubrics) {
              try {
                loaded.join().grade(rubric, WARM_UP_ANSWER);
              } catch (RuntimeException e) {
                LOG.debug("warming up the rubric of question {} failed", rubric.questionId(), e);
              }
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing: nothing to warm
    }
  }

  /** Whether loading the model has started (a command that never grades never starts it). */
  public synchronized boolean started() {
    return loaded != null;
  }

  /** Whether the model is loaded. */
  public synchronized boolean ready() {
    return loaded != null && loaded.isDone();
  }

  /**
   * Grades on the warm-up thread, after whatever warm-up is queued (at most the current question's
   * rubric), so a rubric being embedded is reused instead of embedded twice at once on a two-core
   * machine.
   */
  private Grade onWorker(Function<Grader, Grade> work) {
    CompletableFuture<Grader> loaded = loaded();
    if (!loaded.isDone() && !waitTold.getAndSet(true)) {
      onWait.run();
    }
    try {
      return CompletableFuture.supplyAsync(() -> work.apply(loaded.join()), worker).join();
    } catch (CompletionException e) {
      Throwable cause = e;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public Grade grade(Rubric rubric, String answer) {
    return onWorker(g -> g.grade(rubric, answer));
  }

  @Override
  public Grade grade(Rubric rubric, String answer, GradingContext context) {
    return onWorker(g -> g.grade(rubric, answer, context));
  }

  @Override
  public void forgetAnswers(Set<String> answerHashes) {
    CompletableFuture<Grader> l;
    synchronized (this) {
      l = loaded;
    }
    if (l != null && l.isDone() && !l.isCompletedExceptionally()) {
      l.join().forgetAnswers(answerHashes);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** Stops warming up (the thread is a daemon: a load in progress never delays exit). */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
