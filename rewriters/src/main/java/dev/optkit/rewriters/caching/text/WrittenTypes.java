package dev.optkit.rewriters.caching.text;

import dev.optkit.analyzers.facts.MethodFact;

/** Types as the declaration writes them, generics kept: the facts' own are erased. */
public final class WrittenTypes {
  private WrittenTypes() {}

  /**
   * The return type as the declaration writes it ({@code Set<Long>}): the fact's is erased. Empty when
   * the declaration's line does not hold it (the type on a line of its own).
   */
  public static String returnType(MethodFact fact) {
    String signature = fact.signature() == null ? "" : fact.signature();
    int name = signature.indexOf(fact.name() + "(");
    String before = name < 0 ? "" : signature.substring(0, name).strip();
    int start = before.length();
    if (before.endsWith(">")) { // Map<String, Long>: back to the '<' that opens the arguments, spaces and all
      int depth = 0;
      while (--start >= 0 && !(before.charAt(start) == '<' && --depth == 0)) {
        depth += before.charAt(start) == '>' ? 1 : 0;
      }
    }
    while (start > 0 && (Character.isJavaIdentifierPart(before.charAt(start - 1)) || before.charAt(start - 1) == '.')) {
      start--;
    }
    return start < 0 ? "" : before.substring(start);
  }
}
