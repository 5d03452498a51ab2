package dev.optkit.analyzers.facts.sites;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a reader answers of a statement's text, remembered: the rules ask the same readers of the same statements (each
 * database hint reads each query's filters and bounds), and a JSqlParser parse costs more than the question. Only for
 * pure readers whose answers are immutable values of the text alone, so a remembered answer is the one computed; the
 * last {@value #CAPACITY} texts asked are kept. Safe for threads: two asking at once may both compute it.
 */
final class SqlMemo<T> {
  static final int CAPACITY = 8_192;

  private final Function<String, T> reader;
  private final Map<String, T> known = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
      return size() > CAPACITY;
    }
  };

  SqlMemo(Function<String, T> reader) {
    this.reader = reader;
  }

  T answer(String sql) {
    synchronized (known) {
      T answer = known.get(sql);
      if (answer != null) {
        return answer;
      }
    }
    T answer = reader.apply(sql);
    synchronized (known) {
      known.put(sql, answer);
    }
    return answer;
  }
}
