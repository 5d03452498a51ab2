package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * What one method or constructor does, as far as optkit cares: a small serialisable summary that
 * outlives the syntax tree.
 */
public record MethodFact(
    String ownerType,
    String name,
    List<ParamFact> params,
    String returnType,
    List<String> annotations,
    java.util.Map<String, String> annotationValues,
    boolean isStatic,
    boolean isAbstract,
    boolean isPrivate,
    boolean isSynchronized,
    boolean isConstructor,
    Modifiers modifiers,
    SourceRange range,
    String signature,
    List<IoSite> ioSites,
    List<CallRef> calls,
    List<LoopFact> loops,
    List<String> timeOrRandomUses,
    boolean usesExistingCache,
    List<String> mutableFieldsRead,
    List<ResultMutation> resultMutations,
    List<String> transactionControl) {

  public MethodFact {
    transactionControl = transactionControl == null ? List.of() : transactionControl; // facts cached before it existed
  }

  /**
   * This method changes what a call returned to it: adds to a list it got, sorts it, sets a field of
   * it or of its elements. A cache serving that result would hand the change to every later caller.
   *
   * @param call the called method, by name
   * @param arguments the call's argument count
   * @param how the mutating call, as written ({@code add}, {@code Collections.sort}, {@code setName})
   */
  public record ResultMutation(String call, int arguments, String how) {}

  /**
   * Whether this method ends the JDBC transaction it writes in ({@code commit()}), so that work
   * done after its body, an eviction, follows the commit.
   */
  public boolean commitsItself() {
    return transactionControl.contains("commit()");
  }

  /** Whether this method starts a JDBC transaction by hand: {@code setAutoCommit(false)}. */
  public boolean startsManualTransaction() {
    return transactionControl.contains("setAutoCommit(false)");
  }

  /** The string value of an annotation, by qualified or simple name, when written as a literal. */
  public String annotationValue(String qualifiedOrSimple) {
    String simple = qualifiedOrSimple.substring(qualifiedOrSimple.lastIndexOf('.') + 1);
    for (var entry : annotationValues.entrySet()) {
      String annotation = entry.getKey();
      if (annotation.equals(qualifiedOrSimple) || annotation.endsWith("." + simple) || annotation.equals(simple)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * What the syntax tree says about the declaration beyond the flags above: rewrites must not
   * guess these from text.
   *
   * @param inInstanceInnerClass declared in a non-static nested class (no static members before Java 16)
   */
  public record Modifiers(boolean isPublic, boolean isFinal, boolean generic, List<String> thrown,
      boolean inInstanceInnerClass) {}

  /** Unique within the project: overloads differ by their parameter types. */
  public String key() {
    StringBuilder key = new StringBuilder(ownerType).append('#').append(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      key.append(i == 0 ? "" : ",").append(params.get(i).qualifiedType());
    }
    return key.append(')').toString();
  }

  public boolean returnsValue() {
    return !isConstructor && !"void".equals(returnType);
  }

  public boolean hasAnnotation(String qualifiedOrSimple) {
    String simple = qualifiedOrSimple.substring(qualifiedOrSimple.lastIndexOf('.') + 1);
    for (String annotation : annotations) {
      if (annotation.equals(qualifiedOrSimple) || annotation.endsWith("." + simple) || annotation.equals(simple)) {
        return true;
      }
    }
    return false;
  }

  /** {@code SimpleOwner.method}, as people read it in reports. */
  public String displayName() {
    int dot = ownerType.lastIndexOf('.');
    return (dot < 0 ? ownerType : ownerType.substring(dot + 1)) + "." + name;
  }
}
