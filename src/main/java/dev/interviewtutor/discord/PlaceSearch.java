package dev.interviewtutor.discord;

import dev.interviewtutor.grading.KnowledgeSearch;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code /explain}'s search over the questions a place sees: the shipped banks' index (built once,
 * again after a reload) without the banks a server switched off, merged with an index of the
 * server's own banks (built when they change).
 */
final class PlaceSearch {
  private final PracticeService practice;
  private final Function<QuestionBank, KnowledgeSearch> indexes;
  private volatile Index shipped;
  private final Map<Long, Index> servers = new ConcurrentHashMap<>();

  private record Index(QuestionBank bank, KnowledgeSearch search) {}

  /**
   * @param shippedSearch the index of the shipped banks as loaded now
   * @param indexes builds an index of other banks (after a reload, and for servers' own banks)
   */
  PlaceSearch(
      PracticeService practice,
      KnowledgeSearch shippedSearch,
      Function<QuestionBank, KnowledgeSearch> indexes) {
    this.practice = practice;
    this.indexes = indexes;
    this.shipped = new Index(practice.bank(), shippedSearch);
  }

  /**
   * The best {@code limit} questions the place ({@code null}: outside a server) sees for the query,
   * best first.
   */
  List<KnowledgeSearch.Hit> search(Scope place, String query, int limit) {
    QuestionBank all = practice.bank();
    Index s = shipped;
    if (s.bank() != all) {
      s = new Index(all, indexes.apply(all));
      shipped = s;
    }
    QuestionBank visible = practice.bank(place);
    List<KnowledgeSearch.Hit> hits = new ArrayList<>();
    for (KnowledgeSearch.Hit hit : s.search().search(query, Integer.MAX_VALUE)) {
      if (visible.find(hit.question().id()).isPresent()) {
        hits.add(hit);
      }
    }
    if (place != null) {
      Index own = servers.get(place.id());
      if (own == null || own.bank() != visible) {
        List<Question> mine =
            visible.questions().stream().filter(q -> all.find(q.id()).isEmpty()).toList();
        own = new Index(visible, indexes.apply(new QuestionBank(mine)));
        servers.put(place.id(), own);
      }
      hits.addAll(own.search().search(query, Integer.MAX_VALUE));
    }
    hits.sort(
        Comparator.comparingDouble(KnowledgeSearch.Hit::score)
            .reversed()
            .thenComparing(h -> h.question().id()));
    return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
  }
}
