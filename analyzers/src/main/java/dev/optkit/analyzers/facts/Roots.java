package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a value may come from: any of {@link #any}, never none (a value optkit cannot trace has the one root
 * {@link Root.Unknown}, which counts as shared state).
 *
 * <p>The facts cache stores roots as text ({@link #toString}), the one place they are written and read
 * back ({@link #parse}): {@code this}, {@code p<i>}, {@code new}, {@code static}, {@code ?},
 * {@code const:<name>}, {@code init:<type>}, and {@code c<line>:<column>:<name>[#rows]@(<roots>,...)} for a
 * call's result, joined by {@code |}.
 */
public final class Roots {
  public static final Roots UNKNOWN = new Roots(List.of(Root.UNKNOWN));
  public static final Roots THIS = new Roots(List.of(Root.THIS));
  private static final Roots MADE = new Roots(List.of(Root.MADE));

  /**
   * The canonical text, all a value's roots take in the facts of a whole project (spring-framework's fill hundreds of
   * MiB as objects); the roots are read from it when a proof first asks and kept.
   */
  private final String text;
  private volatile List<Root> any;

  public Roots(List<Root> any) {
    List<Root> roots = any == null || any.isEmpty() ? List.of(Root.UNKNOWN) : List.copyOf(any);
    StringBuilder written = new StringBuilder();
    write(roots, "|", written);
    this.text = written.toString();
    this.any = roots;
  }

  private Roots(String canonical) {
    this.text = canonical;
  }

  /** Any of these the value may come from; never none. */
  public List<Root> any() {
    List<Root> roots = any;
    if (roots == null) {
      Reader reader = new Reader(text);
      roots = List.copyOf(reader.list('|'));
      any = roots;
    }
    return roots;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Roots roots && roots.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Whether the value comes from this object alone. */
  public boolean onlyThis() {
    return text.equals(THIS.text);
  }

  /** Whether any root, or any root a call's result is made from, at any depth, is one {@code test} accepts. */
  public boolean mentions(Predicate<Root> test) {
    return everywhere().anyMatch(test);
  }

  /** Every root, and every root a call's result is made from, at any depth, depth first. */
  public Stream<Root> everywhere() {
    return any().stream().flatMap(Roots::withParts);
  }

  private static Stream<Root> withParts(Root root) {
    return root instanceof Root.CallResult call
        ? Stream.concat(Stream.of(root), call.from().stream().flatMap(Roots::withParts)) : Stream.of(root);
  }

  /**
   * These roots without {@code call}'s own earlier answers: {@code current = current.getParent()} in a loop hands
   * the call what it returned before, which holds nothing but what the other roots hold (by induction over the
   * iterations), so the value is shared only if one of those is (trial 85's F2: each parent of a loaded row read as
   * shared, as the self-reference was judged a cycle). Unchanged when nothing else is left.
   */
  public Roots withoutEarlierAnswersOf(Root.CallResult call) {
    List<Root> others = any().stream()
        .filter(root -> !(root instanceof Root.CallResult earlier && earlier.sameCall(call))).toList();
    return others.isEmpty() ? this : new Roots(others);
  }

  /** The text the facts cache keeps: see the class comment. */
  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  private static void write(List<Root> roots, String separator, StringBuilder text) {
    for (int i = 0; i < roots.size(); i++) {
      if (i > 0) {
        text.append(separator);
      }
      Root root = roots.get(i);
      if (root instanceof Root.Made) {
        text.append("new");
      } else if (root instanceof Root.This) {
        text.append("this");
      } else if (root instanceof Root.OnType) {
        text.append("static");
      } else if (root instanceof Root.Unknown) {
        text.append('?');
      } else if (root instanceof Root.Parameter parameter) {
        text.append('p').append(parameter.index());
      } else if (root instanceof Root.Constant constant) {
        text.append("const:").append(constant.name());
      } else if (root instanceof Root.Construction construction) {
        text.append("init:").append(construction.type());
      } else if (root instanceof Root.CallResult call) {
        text.append('c').append(call.line()).append(':').append(call.column()).append(':').append(call.name());
        if (call.rows()) {
          text.append(ROWS);
        }
        if (!call.from().isEmpty()) {
          text.append("@(");
          write(call.from(), ",", text);
          text.append(')');
        }
      }
    }
  }

  private static final String ROWS = MethodFact.ROWS_HANDED_TO_CALLBACKS;

  /**
   * Roots from the text {@link #toString} writes, and the extraction's value flow ({@code ValueRoots}) builds;
   * {@code c<line>:<column>:<name>@this} stands for {@code @(this)}. Empty or null text: {@link #UNKNOWN}.
   *
   * @throws IllegalArgumentException on text that is no roots
   */
  @JsonCreator
  public static Roots parse(String text) {
    if (text == null || text.isEmpty() || text.equals("?")) {
      return UNKNOWN;
    }
    if (text.equals("this")) {
      return THIS;
    }
    if (text.equals("new")) {
      return MADE;
    }
    Reader reader = new Reader(text);
    List<Root> roots = reader.list('|');
    if (reader.at < text.length()) {
      throw new IllegalArgumentException("no roots: " + text);
    }
    StringBuilder canonical = new StringBuilder();
    write(roots, "|", canonical);
    String written = canonical.toString();
    return new Roots(written.equals(text) ? text : written);
  }

  /** A recursive-descent reader of the roots' text. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    List<Root> list(char separator) {
      List<Root> roots = new ArrayList<>();
      roots.add(root());
      while (at < text.length() && text.charAt(at) == separator) {
        at++;
        roots.add(root());
      }
      return roots;
    }

    private Root root() {
      if (text.startsWith("const:", at)) {
        at += "const:".length();
        return new Root.Constant(word());
      }
      if (text.startsWith("init:", at)) {
        at += "init:".length();
        return new Root.Construction(word());
      }
      if (at < text.length() && text.charAt(at) == 'c' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
        return call();
      }
      if (at < text.length() && text.charAt(at) == 'p' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
        at++;
        return new Root.Parameter(number());
      }
      String word = word();
      return switch (word) {
        case "new" -> Root.MADE;
        case "this" -> Root.THIS;
        case "static" -> Root.ON_TYPE;
        case "?" -> Root.UNKNOWN;
        default -> throw new IllegalArgumentException("no root at " + at + ": " + text);
      };
    }

    private Root.CallResult call() {
      at++;
      int line = number();
      expect(':');
      int column = number();
      expect(':');
      int start = at;
      while (at < text.length() && "@|,()".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      String name = text.substring(start, at);
      boolean rows = name.endsWith(ROWS);
      if (rows) {
        name = name.substring(0, name.length() - ROWS.length());
      }
      List<Root> from = List.of();
      if (at < text.length() && text.charAt(at) == '@') {
        at++;
        if (text.startsWith("()", at)) {
          at += 2; // a call whose receiver and arguments gave no roots: nothing known, as without them
        } else if (at < text.length() && text.charAt(at) == '(') {
          at++;
          from = list(',');
          expect(')');
        } else {
          from = List.of(root());
        }
      }
      return new Root.CallResult(line, column, name, rows, from);
    }

    /** Up to the next separator: a name, a type, a constant's expression. */
    private String word() {
      int start = at;
      int depth = 0;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (depth == 0 && (c == '|' || c == ',')) {
          break;
        }
        at++;
      }
      return text.substring(start, at);
    }

    private int number() {
      int start = at;
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("no number at " + at + ": " + text);
      }
      return Integer.parseInt(text.substring(start, at));
    }

    private void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + at + ": " + text);
      }
      at++;
    }
  }
}
