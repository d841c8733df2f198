package dev.interviewtutor.practice;

import dev.interviewtutor.practice.PracticeService.GradedAnswer;
import dev.interviewtutor.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for answers recorded one at a time by many threads (Discord interactions, the terminal): each
 * caller queues its answer and then either becomes the leader (takes the lock, drains everything queued so far,
 * up to {@link #MAX_BATCH}, and records it in one write transaction) or finds that a leader already committed its
 * answer. Callers return only after the transaction holding their answer committed, so a crash never loses an
 * answer that was acknowledged. No background thread: the leader is always a caller.
 *
 * <p>If a batch fails (for example one answer is by a person forgotten meanwhile), each answer in it is retried in
 * its own transaction, so only the faulty one fails, with the same error a lone answer would give.
 */
final class GroupCommit {
  /** Most answers per transaction. */
  static final int MAX_BATCH = 2_000;

  private final Database db;
  private final PracticeService service;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock leader = new ReentrantLock();

  private record Pending(GradedAnswer answer, CompletableFuture<AnswerResult> result) {}

  GroupCommit(Database db, PracticeService service) {
    this.db = db;
    this.service = service;
  }

  /** Records one graded answer, possibly in the same transaction as other threads' answers. */
  AnswerResult record(GradedAnswer answer) {
    Pending mine = new Pending(answer, new CompletableFuture<>());
    queue.add(mine);
    leader.lock();
    try {
      while (!mine.result().isDone()) {
        commitQueued();
      }
    } finally {
      leader.unlock();
    }
    try {
      return mine.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private void commitQueued() {
    List<Pending> batch = new ArrayList<>();
    Pending p;
    while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<GradedAnswer> answers = batch.stream().map(Pending::answer).toList();
    List<AnswerResult> results;
    try {
      results = db.write(c -> service.recordBatch(c, answers));
    } catch (RuntimeException | Error e) {
      if (batch.size() == 1) {
        batch.get(0).result().completeExceptionally(e);
        return;
      }
      for (Pending one : batch) {
        try {
          one.result().complete(db.write(c -> service.recordBatch(c, List.of(one.answer()))).get(0));
        } catch (RuntimeException | Error e1) {
          one.result().completeExceptionally(e1);
        }
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }
}
