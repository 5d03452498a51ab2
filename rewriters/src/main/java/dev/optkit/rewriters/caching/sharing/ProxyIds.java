package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of a lazy to-one association that load nothing: its id, which the Hibernate proxy holds and answers
 * without loading, called on the association's getter ({@code request.getRequester().getId()}) or inside the entity's
 * own method ({@code getBookerId() { return booker.getId(); }}).
 */
final class ProxyIds {
  private final WholeProject whole;

  ProxyIds(WholeProject whole) {
    this.whole = whole;
  }

  /**
   * {@code request.getRequester().getId()} with nothing else made of the association: a lazy to-one
   * association is a Hibernate proxy that holds its target's id, and calling the id's getter on it
   * (the getter of the {@code @Id} field the target's source declares) loads nothing, detached or not
   * (Hibernate 5.2.12 and later, and its enhanced entities used as proxies; {@code @LazyToOne(NO_PROXY)}
   * is no proxy, and the option {@code hibernate.jpa.compliance.proxy} makes the getter load).
   */
  boolean onlyItsId(ReturnedEntity entity, MethodFact.HandOff handOff) {
    String target = entity.lazyTargetByGetter().get(handOff.target());
    return target != null && handOff.thenCalled() != null && handOff.toArguments() == 0
        && whole.idGetter(target).filter(handOff.thenCalled()::equals).isPresent()
        && !whole.configurationMentions("compliance.proxy");
  }

  /**
   * {@code getBookerId() { return booker.getId(); }}: the entity's own method reads the lazy association only for its
   * id, which the proxy holds and answers without loading, as {@link #onlyItsId} (audit 16's S32).
   */
  boolean onlyIdRead(IndexedMethod callee, String field, ReturnedEntity entity) {
    String target = entity.lazyByGetter().entrySet().stream().filter(e -> e.getValue().equals(field))
        .map(e -> entity.lazyTargetByGetter().get(e.getKey())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    Optional<String> idGetter = target == null ? Optional.empty() : whole.idGetter(target);
    Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> body = whole.declaration(callee);
    if (idGetter.isEmpty() || body.isEmpty() || whole.configurationMentions("compliance.proxy")) {
      return false;
    }
    List<com.github.javaparser.ast.expr.Expression> uses = new ArrayList<>();
    body.get().findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
        .filter(n -> n.getNameAsString().equals(field)).forEach(uses::add);
    body.get().findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class).stream()
        .filter(f -> f.getNameAsString().equals(field) && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr)
        .forEach(uses::add);
    return !uses.isEmpty() && uses.stream().allMatch(use -> use.getParentNode().orElse(null)
        instanceof com.github.javaparser.ast.expr.MethodCallExpr call && call.getScope().orElse(null) == use
        && call.getArguments().isEmpty() && call.getNameAsString().equals(idGetter.get())
        || use.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.BinaryExpr compared
        && (compared.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS
            || compared.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS)
        && (compared.getLeft().isNullLiteralExpr() || compared.getRight().isNullLiteralExpr()));
  }
}
