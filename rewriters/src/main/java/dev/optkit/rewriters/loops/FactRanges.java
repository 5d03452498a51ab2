package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.rewriters.edit.SourceDocument;
import java.util.List;
import java.util.Optional;

/**
 * Where a node of the file a loop rewrite reads stands in the file the assessment read, so that its
 * facts (calls, I/O sites) are found by position. In the file itself, and in a view that keeps every
 * node where it was ({@link ForEachEquivalent}), that is the node's own range. A view that writes a
 * loop anew around text it copies ({@link StreamPipelineView}) carries a {@link Translation}: the text
 * before the rewritten statement is the same, the text after it is shifted, and each copied piece maps
 * back to where it was taken from; what the view made itself (the loop's header, the list it adds to)
 * has no facts.
 */
final class FactRanges {
  private static final DataKey<Translation> TRANSLATION = new DataKey<>() {};

  /** A range no fact has: what the view wrote itself. */
  static final SourceRange NONE = new SourceRange(0, 0, 0, 0);

  /**
   * A piece of the view copied from the original: view offsets {@code [viewStart, viewStart + length)} hold the text
   * of original offsets {@code [originalStart, originalStart + length)}.
   */
  record Copied(int viewStart, int originalStart, int length) {}

  /**
   * A node the view wrote in place of another: the call {@code client.price(sku)} for the method reference
   * {@code client::price}. Only the whole node, view offsets {@code [viewStart, viewEnd)}, has the facts of the
   * original's {@code [originalStart, originalEnd)}.
   */
  record Standing(int viewStart, int viewEnd, int originalStart, int originalEnd) {}

  /**
   * @param from where the rewritten statement starts (the same offset in both texts)
   * @param viewEnd where it ends in the view
   * @param originalEnd where it ends in the original
   */
  record Translation(SourceDocument view, SourceDocument original, int from, int viewEnd, int originalEnd,
      List<Copied> copied, List<Standing> standing) {
    Optional<Integer> original(int offset) {
      if (offset < from) {
        return Optional.of(offset);
      }
      if (offset >= viewEnd) {
        return Optional.of(offset - viewEnd + originalEnd);
      }
      for (Copied piece : copied) {
        if (offset >= piece.viewStart() && offset < piece.viewStart() + piece.length()) {
          return Optional.of(piece.originalStart() + offset - piece.viewStart());
        }
      }
      return Optional.empty();
    }

    /** The nearest copied offset at or after (forward) or at or before the offset, for a span's ends. */
    Optional<Integer> snapped(int offset, boolean forward) {
      Optional<Integer> exact = original(offset);
      if (exact.isPresent()) {
        return exact;
      }
      // a node the view wrote in place of another spans it whole (client.price(sku) the reference client::price)
      List<Standing> pieces = new java.util.ArrayList<>(standing);
      copied.forEach(c -> pieces.add(new Standing(c.viewStart(), c.viewStart() + c.length(), c.originalStart(),
          c.originalStart() + c.length())));
      Standing best = null;
      for (Standing piece : pieces) {
        boolean side = forward ? piece.viewStart() > offset : piece.viewEnd() <= offset;
        if (side && (best == null || (forward ? piece.viewStart() < best.viewStart()
            : piece.viewEnd() > best.viewEnd()))) {
          best = piece;
        }
      }
      return best == null ? Optional.empty() : Optional.of(forward ? best.originalStart() : best.originalEnd() - 1);
    }

    private SourceRange range(int begin, int endInclusive) {
      int beginLine = original.lineOf(begin);
      int endLine = original.lineOf(endInclusive);
      return new SourceRange(beginLine, begin - original.lineStart(beginLine) + 1, endLine,
          endInclusive - original.lineStart(endLine) + 1);
    }
  }

  private FactRanges() {}

  static void translate(CompilationUnit view, Translation translation) {
    view.setData(TRANSLATION, translation);
  }

  /** The range the facts give the node: its own, or where the view copied it from; {@link #NONE} for the view's own text. */
  static SourceRange of(Node node) {
    Optional<Translation> translation = translationOf(node);
    if (translation.isEmpty() || node.getRange().isEmpty()) {
      return SourceRange.of(node);
    }
    Translation t = translation.get();
    for (Standing in : t.standing()) {
      if (beginOffset(t.view(), node) == in.viewStart() && endOffset(t.view(), node) == in.viewEnd() - 1) {
        return t.range(in.originalStart(), in.originalEnd() - 1);
      }
    }
    Optional<Integer> begin = t.original(beginOffset(t.view(), node));
    Optional<Integer> end = t.original(endOffset(t.view(), node));
    // both ends in one piece of the original: a node that starts in copied text and ends in the view's own is not one
    if (begin.isEmpty() || end.isEmpty() || end.get() < begin.get()
        || end.get() - begin.get() != endOffset(t.view(), node) - beginOffset(t.view(), node)) {
      return NONE;
    }
    return t.range(begin.get(), end.get());
  }

  /**
   * The part of the original a node spans, for questions of what lies inside it (the sites of a loop's body): its
   * ends moved inward to the nearest copied text.
   */
  static SourceRange span(Node node) {
    Optional<Translation> translation = translationOf(node);
    if (translation.isEmpty() || node.getRange().isEmpty()) {
      return SourceRange.of(node);
    }
    Translation t = translation.get();
    Optional<Integer> begin = t.snapped(beginOffset(t.view(), node), true);
    Optional<Integer> end = t.snapped(endOffset(t.view(), node), false);
    if (begin.isEmpty() || end.isEmpty() || end.get() < begin.get()) {
      return NONE;
    }
    return t.range(begin.get(), end.get());
  }

  private static Optional<Translation> translationOf(Node node) {
    return node.findCompilationUnit().filter(u -> u.containsData(TRANSLATION)).map(u -> u.getData(TRANSLATION));
  }

  private static int beginOffset(SourceDocument document, Node node) {
    return document.offset(node.getBegin().get().line, node.getBegin().get().column);
  }

  private static int endOffset(SourceDocument document, Node node) {
    return document.offset(node.getEnd().get().line, node.getEnd().get().column);
  }
}
