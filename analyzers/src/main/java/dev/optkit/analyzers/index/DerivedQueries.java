package dev.optkit.analyzers.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Spring Data repository method's name read as the query Spring Data derives from it, by the grammar of Spring Data's
 * {@code PartTree}: a subject ({@code find}, {@code count}, {@code exists}, {@code delete}, with {@code Distinct} and
 * {@code First}/{@code Top} limits), then after {@code By} the predicate's parts joined by {@code And} and {@code Or},
 * each a property and an operator keyword, then {@code OrderBy}. A name in a form this does not read (a property path
 * through another object is still one camel-case word here, and the caller finds no field of it) is no query.
 */
final class DerivedQueries {
  private DerivedQueries() {}

  /** What the query does with the rows it finds. */
  enum Subject {
    FIND, COUNT, EXISTS, DELETE
  }

  /** A part's operator, as Spring Data's {@code Part.Type} names it, with the keywords that write it, longest first. */
  enum Operator {
    BETWEEN("IsBetween", "Between"),
    IS_NOT_NULL("IsNotNull", "NotNull"),
    IS_NULL("IsNull", "Null"),
    LESS_THAN_EQUAL("IsLessThanEqual", "LessThanEqual"),
    LESS_THAN("IsLessThan", "LessThan"),
    GREATER_THAN_EQUAL("IsGreaterThanEqual", "GreaterThanEqual"),
    GREATER_THAN("IsGreaterThan", "GreaterThan"),
    BEFORE("IsBefore", "Before"),
    AFTER("IsAfter", "After"),
    NOT_LIKE("IsNotLike", "NotLike"),
    LIKE("IsLike", "Like"),
    STARTING_WITH("IsStartingWith", "StartingWith", "StartsWith"),
    ENDING_WITH("IsEndingWith", "EndingWith", "EndsWith"),
    NOT_CONTAINING("IsNotContaining", "NotContaining", "NotContains"),
    CONTAINING("IsContaining", "Containing", "Contains"),
    NOT_IN("IsNotIn", "NotIn"),
    IN("IsIn", "In"),
    TRUE("IsTrue", "True"),
    FALSE("IsFalse", "False"),
    /** Collections, geometry, patterns: nothing an index of the column answers as written here. */
    UNREAD("IsNotEmpty", "NotEmpty", "IsEmpty", "Empty", "IsNear", "Near", "IsWithin", "Within", "MatchesRegex",
        "Matches", "Regex", "Exists"),
    NOT("IsNot", "Not"),
    EQUALS("Is", "Equals");

    private final List<String> keywords;

    Operator(String... keywords) {
      this.keywords = List.of(keywords);
    }
  }

  /** How a part ignores case, as Spring Data's {@code Part.IgnoreCaseType}. */
  enum IgnoreCase {
    NEVER,
    /** {@code NameIgnoreCase}: the property compared upper-cased. */
    ALWAYS,
    /** {@code AllIgnoreCase}: upper-cased where the property is text, as it is otherwise. */
    WHEN_POSSIBLE
  }

  /** One condition: a property (as the name writes it, first letter lowered) compared by an operator. */
  record Part(String property, Operator operator, IgnoreCase ignoreCase) {}

  /** One sort key of {@code OrderBy}. */
  record Order(String property, boolean descending) {}

  /**
   * A derived query.
   *
   * @param alternatives the predicate's {@code Or} branches, each its {@code And}-ed parts; empty for no predicate
   * @param limit {@code First3}, {@code Top}: at most so many rows; 0 for no limit
   */
  record Derived(Subject subject, boolean distinct, int limit, List<List<Part>> alternatives, List<Order> orders) {}

  private static final List<String> FIND = List.of("find", "read", "get", "query", "search", "stream");

  /** The query the method's name derives, or empty when the name derives none this reads. */
  static Optional<Derived> parse(String name) {
    int by = subjectEnd(name);
    if (by < 0) {
      return Optional.empty();
    }
    Subject subject = null;
    String prefix = null;
    for (String word : FIND) {
      if (name.startsWith(word)) {
        subject = Subject.FIND;
        prefix = word;
      }
    }
    for (var other : List.of(new Object[] {"count", Subject.COUNT}, new Object[] {"exists", Subject.EXISTS},
        new Object[] {"delete", Subject.DELETE}, new Object[] {"remove", Subject.DELETE})) {
      if (name.startsWith((String) other[0])) {
        subject = (Subject) other[1];
        prefix = (String) other[0];
      }
    }
    if (subject == null) {
      return Optional.empty();
    }
    String between = name.substring(prefix.length(), by);
    if (!between.isEmpty() && !Character.isUpperCase(between.charAt(0))) {
      return Optional.empty(); // streamlineByName: no subject keyword
    }
    boolean distinct = between.contains("Distinct");
    int limit = limit(between);
    if (limit < 0) {
      return Optional.empty();
    }
    String predicate = name.substring(by + 2);
    List<Order> orders = List.of();
    int orderBy = predicate.indexOf("OrderBy");
    if (orderBy >= 0) {
      Optional<List<Order>> read = orders(predicate.substring(orderBy + "OrderBy".length()));
      if (read.isEmpty()) {
        return Optional.empty();
      }
      orders = read.get();
      predicate = predicate.substring(0, orderBy);
    }
    boolean allIgnoreCase = false;
    for (String suffix : List.of("AllIgnoreCase", "AllIgnoringCase")) {
      if (predicate.endsWith(suffix)) {
        allIgnoreCase = true;
        predicate = predicate.substring(0, predicate.length() - suffix.length());
      }
    }
    List<List<Part>> alternatives = new ArrayList<>();
    if (!predicate.isEmpty()) {
      for (String branch : split(predicate, "Or")) {
        List<Part> parts = new ArrayList<>();
        for (String written : split(branch, "And")) {
          Optional<Part> part = part(written, allIgnoreCase);
          if (part.isEmpty()) {
            return Optional.empty();
          }
          parts.add(part.get());
        }
        alternatives.add(List.copyOf(parts));
      }
    }
    return Optional.of(new Derived(subject, distinct, limit, List.copyOf(alternatives), orders));
  }

  /**
   * Where the subject's {@code By} is: the first {@code By} followed by an upper-case letter, or ending the name
   * ({@code findAllBy} is no query, {@code findByName} is); -1 for none.
   */
  private static int subjectEnd(String name) {
    for (int at = name.indexOf("By"); at > 0; at = name.indexOf("By", at + 1)) {
      if (at + 2 < name.length() && Character.isUpperCase(name.charAt(at + 2))) {
        return at;
      }
    }
    return -1;
  }

  /**
   * {@code First}, {@code Top10} right after the verb (or its {@code Distinct}), followed by an upper-case word or
   * nothing: the limit, as PartTree reads it ({@code findTopicsBy}, {@code findNewestFirstBy} are none); 0 for none;
   * -1 where a number cannot be read.
   */
  private static int limit(String subject) {
    String rest = subject.startsWith("Distinct") ? subject.substring("Distinct".length()) : subject;
    for (String word : List.of("First", "Top")) {
      if (!rest.startsWith(word)) {
        continue;
      }
      int end = word.length();
      while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
        end++;
      }
      if (end < rest.length() && !Character.isUpperCase(rest.charAt(end))) {
        return 0; // Topics: a word of the subject
      }
      String digits = rest.substring(word.length(), end);
      if (digits.length() > 6) {
        return -1;
      }
      return digits.isEmpty() ? 1 : Integer.parseInt(digits);
    }
    return 0;
  }

  /** The text split at each {@code word} followed by an upper-case letter, as PartTree splits its parts. */
  private static List<String> split(String text, String word) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int at = text.indexOf(word, 1); at > 0; at = text.indexOf(word, at + 1)) {
      int after = at + word.length();
      if (after < text.length() && Character.isUpperCase(text.charAt(after)) && Character.isLowerCase(text.charAt(at - 1))
          || after < text.length() && Character.isUpperCase(text.charAt(after)) && Character.isDigit(text.charAt(at - 1))) {
        pieces.add(text.substring(start, at));
        start = after;
        at = after - 1;
      }
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  private static Optional<Part> part(String written, boolean allIgnoreCase) {
    IgnoreCase ignoreCase = allIgnoreCase ? IgnoreCase.WHEN_POSSIBLE : IgnoreCase.NEVER;
    // anywhere in the part, as PartTree finds it: NameIgnoreCaseContaining and NameContainingIgnoreCase are one
    for (String word : List.of("IgnoreCase", "IgnoringCase")) {
      int at = written.indexOf(word);
      if (at > 0) {
        ignoreCase = IgnoreCase.ALWAYS;
        written = written.substring(0, at) + written.substring(at + word.length());
      }
    }
    Operator operator = Operator.EQUALS;
    String property = written;
    int longest = 0;
    for (Operator candidate : Operator.values()) {
      for (String keyword : candidate.keywords) {
        if (written.endsWith(keyword) && keyword.length() > longest && written.length() > keyword.length()) {
          longest = keyword.length();
          operator = candidate;
          property = written.substring(0, written.length() - keyword.length());
        }
      }
    }
    if (property.isEmpty() || !Character.isUpperCase(property.charAt(0)) || operator == Operator.UNREAD) {
      return Optional.empty();
    }
    return Optional.of(new Part(uncapitalised(property), operator, ignoreCase));
  }

  /**
   * {@code CreatedAtDescNameAsc}: each property up to an {@code Asc} or {@code Desc} that ends the text or is followed
   * by an upper-case letter ({@code DescriptionAsc} is the property description); the last one may have neither.
   */
  private static Optional<List<Order>> orders(String text) {
    List<Order> orders = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = -1;
      boolean descending = false;
      for (int at = start + 1; at < text.length() && end < 0; at++) {
        for (String direction : List.of("Asc", "Desc")) {
          int after = at + direction.length();
          if (end < 0 && text.startsWith(direction, at)
              && (after == text.length() || Character.isUpperCase(text.charAt(after)))) {
            end = at;
            descending = direction.equals("Desc");
          }
        }
      }
      if (end < 0) {
        orders.add(new Order(uncapitalised(text.substring(start)), false));
        break;
      }
      orders.add(new Order(uncapitalised(text.substring(start, end)), descending));
      start = end + (descending ? 4 : 3);
    }
    return orders.isEmpty() || orders.stream().anyMatch(order -> order.property().isEmpty()) ? Optional.empty()
        : Optional.of(List.copyOf(orders));
  }

  /** {@code EmailAddress}: {@code emailAddress}; {@code URL} stays as Java beans name it. */
  private static String uncapitalised(String property) {
    if (property.length() > 1 && Character.isUpperCase(property.charAt(1))) {
      return property;
    }
    return Character.toLowerCase(property.charAt(0)) + property.substring(1);
  }
}
