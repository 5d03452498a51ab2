package dev.optkit.rewriters.caching.sharing;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Whether an argument is a column value read off an entity through getters, which reaches no
 * association: {@code category.getName()}, {@code request.getRequester().getId()}. Each link but the
 * last is a to-one association: an eager one, or a lazy one whose proxy answers its target's id
 * getter without loading, when that getter is the last link (Hibernate 5.2.12 and later; not with
 * {@code @LazyToOne(NO_PROXY)} or {@code hibernate.jpa.compliance.proxy}). The last link is the
 * getter of a field whose type is an immutable value.
 */
public final class ColumnReads {
  private final ProjectIndex index;
  private final ResultSharing sharing;
  private final WholeProject whole;

  public ColumnReads(ProjectIndex index, ResultSharing sharing, WholeProject whole) {
    this.index = index;
    this.sharing = sharing;
    this.whole = whole;
  }

  /**
   * @param root the name the entity has where the argument is written (a parameter's or a local's)
   * @param type the entity's qualified type
   */
  public boolean columnValue(Expression argument, String root, String type) {
    List<String> getters = new ArrayList<>();
    Expression at = argument;
    while (at instanceof MethodCallExpr call && call.getArguments().isEmpty() && call.getScope().isPresent()) {
      getters.add(call.getNameAsString());
      at = call.getScope().get();
    }
    if (!(at instanceof NameExpr name) || !name.getNameAsString().equals(root) || getters.isEmpty()) {
      return false;
    }
    Collections.reverse(getters);
    String current = type;
    for (int i = 0; i < getters.size(); i++) {
      String getter = getters.get(i);
      boolean last = i == getters.size() - 1;
      Optional<TypeFact.Association> association = association(current, getter);
      if (last) {
        String field = fieldType(current, property(getter));
        return association.isEmpty() && field != null && sharing.immutable(field) && !computing(current, getter);
      }
      if (association.isEmpty() || association.get().toMany()) {
        return false;
      }
      TypeFact.Association link = association.get();
      if (!link.eager()) {
        boolean idNext = i + 1 == getters.size() - 1
            && whole.idGetter(link.target()).filter(getters.get(i + 1)::equals).isPresent();
        if (!idNext || whole.fieldMayCarry(ownerOf(current, link), link.field(), "LazyToOne")
            || whole.configurationMentions("compliance.proxy")) {
          return false;
        }
      }
      current = link.target();
    }
    return false;
  }

  /** The association of the type (or a superclass) this getter hands out, if it is one. */
  private Optional<TypeFact.Association> association(String type, String getter) {
    for (String owner : typeAndSupertypes(type)) {
      for (TypeFact.Association association : index.type(owner).map(TypeFact::associations).orElse(List.of())) {
        if (association.getter().equals(getter)) {
          return Optional.of(association);
        }
      }
    }
    return Optional.empty();
  }

  private String ownerOf(String type, TypeFact.Association link) {
    return typeAndSupertypes(type).stream().filter(owner -> index.type(owner).map(TypeFact::associations)
        .orElse(List.of()).contains(link)).findFirst().orElse(type);
  }

  private String fieldType(String type, String field) {
    return field == null ? null : typeAndSupertypes(type).stream().flatMap(owner -> index.type(owner).stream())
        .map(t -> t.fieldTypes().get(field)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** A getter the class writes that calls anything, or that Lombok does not write: no plain column read. */
  private boolean computing(String type, String getter) {
    // a subclass's override (a Capital whose getName() reads its lazy mayor) may be what runs
    List<String> owners = new ArrayList<>(typeAndSupertypes(type));
    index.subtypesOf(type).stream().filter(sub -> !sub.equals(type)).forEach(owners::add);
    return owners.stream().flatMap(owner -> index.methods(owner, getter).stream())
        .anyMatch(m -> !m.fact().calls().isEmpty() || !m.fact().opaqueCalls().isEmpty()
            || !m.fact().ownerType().equals(type) && index.supertypesOf(m.fact().ownerType()).contains(type));
  }

  private List<String> typeAndSupertypes(String type) {
    List<String> types = new ArrayList<>(List.of(type));
    index.supertypesOf(type).stream().filter(s -> !s.equals(type)).forEach(types::add);
    return types;
  }

  /** The property a getter reads by its name ({@code getName()}, {@code isActive()}), or null for no getter's name. */
  public static String property(String getter) {
    String field = getter.startsWith("get") && getter.length() > 3 ? getter.substring(3)
        : getter.startsWith("is") && getter.length() > 2 ? getter.substring(2) : null;
    return field == null ? null : Character.toLowerCase(field.charAt(0)) + field.substring(1);
  }
}
