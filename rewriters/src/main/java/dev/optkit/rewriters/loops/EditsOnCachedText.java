package dev.optkit.rewriters.loops;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.javaparser.ast.CompilationUnit;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The loop edits, made on a file as it is, applied to the caching rewrite's text of the same file: each edit
 * replaces whole lines (or inserts at a line's start), which are found in the cached text by a line diff of
 * the two texts, not by searching for their text (two methods with the same loop had one text twice: real24's
 * F1). An edit whose lines the caching changed has no place there, and the file is left to a second run.
 */
final class EditsOnCachedText {
  private EditsOnCachedText() {}

  static Optional<String> apply(SourceDocument original, String cachedText, List<TextEdit> edits, Set<String> imports) {
    List<String> before = lines(original.text());
    List<String> after = lines(cachedText);
    Patch<String> patch = DiffUtils.diff(before, after);
    int[] beforeStarts = starts(before);
    int[] afterStarts = starts(after);
    List<TextEdit> mapped = new ArrayList<>();
    for (TextEdit edit : edits) {
      int first = lineAt(beforeStarts, edit.start());
      int end = edit.end() == edit.start() ? first : lineAt(beforeStarts, edit.end());
      if (first < 0 || end < 0) {
        return Optional.empty(); // not at line boundaries
      }
      Optional<Integer> movedTo = moved(patch, first, end);
      if (movedTo.isEmpty()) {
        return Optional.empty();
      }
      int from = afterStarts[movedTo.get()];
      int to = afterStarts[movedTo.get() + (end - first)];
      if (!cachedText.substring(from, to).equals(original.text().substring(edit.start(), edit.end()))) {
        return Optional.empty();
      }
      mapped.add(new TextEdit(from, to, edit.replacement()));
    }
    mapped.sort(Comparator.comparingInt(TextEdit::start).reversed());
    String text = cachedText;
    for (TextEdit edit : mapped) {
      text = text.substring(0, edit.start()) + edit.replacement() + text.substring(edit.end());
    }
    return withImports(text, imports);
  }

  /** The text with the imports the rewrites need added; empty when it would not parse. */
  static Optional<String> withImports(String text, Set<String> imports) {
    Optional<CompilationUnit> unit = LanguageLevels.parse(text);
    if (unit.isEmpty()) {
      return Optional.empty(); // never write what does not parse
    }
    SourceDocument document = SourceDocument.of(text);
    List<TextEdit> added = Imports.add(document, unit.get(), imports);
    String result = document.apply(added);
    return LanguageLevels.parse(result).isPresent() ? Optional.of(result) : Optional.empty();
  }

  /**
   * Where lines [first, end) of the original start in the cached text, when no change of the diff touches them (an
   * insertion right before or right after them does not); empty otherwise.
   */
  private static Optional<Integer> moved(Patch<String> patch, int first, int end) {
    int shift = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int position = delta.getSource().getPosition();
      int size = delta.getSource().size();
      // an insertion of ours (first == end) goes before one the caching made at the same place: the caching's
      // lines there belong to what follows (an annotation above the class's first member: hostile review 40's e2)
      boolean above = size > 0 ? position + size <= first : first == end ? position < first : position <= first;
      boolean below = position >= end;
      if (above) {
        shift += delta.getTarget().size() - size;
      } else if (!below) {
        return Optional.empty(); // the caching changed or inserted lines among these
      }
    }
    return Optional.of(first + shift);
  }

  /** The text's lines, each with its line break. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** The offset each line starts at, and the text's length last. */
  private static int[] starts(List<String> lines) {
    int[] starts = new int[lines.size() + 1];
    for (int i = 0; i < lines.size(); i++) {
      starts[i + 1] = starts[i] + lines.get(i).length();
    }
    return starts;
  }

  /** The line an offset starts, or -1 when it is inside a line. */
  private static int lineAt(int[] starts, int offset) {
    int found = java.util.Arrays.binarySearch(starts, offset);
    return found >= 0 ? found : -1;
  }
}
