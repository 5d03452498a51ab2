package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.ReceivedFrom;
import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.types.TypeParameterBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which field a plain name means, seen from where it is written, as Java resolves it: the innermost class body
 * first (its own fields, then what it inherits), then the enclosing ones. A name used in an anonymous class
 * ({@code new AbstractService<Order, OrderRepository>(orders) { ... repository.markClosed(id) ... }}), in a member
 * class that extends another ({@code class Closer extends AbstractService<Order, OrderRepository>} inside a service
 * with a {@code repository} of its own), or in a local class capturing its method's parameter, is not the
 * enclosing method's class's field (hostile review 30: e4, e6, e9c, e10; each wrote through a repository optkit
 * typed as another, and a cached read was never evicted).
 *
 * <p>What inherits from another file is not known here: the answer is then the classes to look the field up in,
 * innermost first, for the index ({@code ProjectIndex#receivedType}); an anonymous class by its superclass as
 * written with its type arguments ({@code shop.AbstractService<shop.Order,shop.OrderRepository>}), a type this file
 * knows for sure as {@code =type}, a class a static import names last.
 */
public final class FieldScopes {
  /** A field's type known here, or the classes to look it up in; both empty when no class around declares it. */
  public record Lookup(String type, List<ReceivedFrom.Owner> owners) {
    boolean certain() {
      return type != null && owners.isEmpty();
    }
  }

  private final FileScan file;

  FieldScopes(FileScan file) {
    this.file = file;
  }

  public Lookup lookup(Node at, String name) {
    List<ReceivedFrom.Owner> owners = new ArrayList<>();
    Node from = at;
    boolean inLocalType = false; // a class body passed on the way up: a method above it is its enclosing method
    for (Node node = at.getParentNode().orElse(null); node != null; from = node, node = node.getParentNode().orElse(null)) {
      if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
          && creation.getAnonymousClassBody().get().contains(from)) {
        inLocalType = true;
        String declared = declaredIn(creation.getAnonymousClassBody().get(), name);
        if (declared != null) {
          return found(owners, declared);
        }
        owners.add(written(creation.getType()));
      } else if (node instanceof TypeDeclaration<?> type) {
        inLocalType = true;
        Map<String, String> fields = file.fieldsByType.get(file.qualifiedName(type));
        if (fields != null && fields.containsKey(name)) {
          return found(owners, boundOf(type, fields.get(name)));
        }
        // a class that extends another may inherit it: the index looks there before the enclosing classes
        if (type instanceof ClassOrInterfaceDeclaration declaration && !declaration.isInterface()
            && declaration.getExtendedTypes().isNonEmpty()) {
          owners.add(ReceivedFrom.Owner.of(file.qualifiedName(type)));
        }
      } else if (node instanceof CallableDeclaration<?> method && inLocalType) {
        // a local or anonymous class reads its enclosing method's parameters and effectively final locals
        String captured = capturedType(method, name);
        if (captured != null) {
          return found(owners, captured);
        }
      }
    }
    // no class around declares it: a field one of them inherits, else a static import's (e16: the superclass's
    // field of that name is private, so Java takes Repos.repository)
    file.names.staticImportOwners(name).forEach(imported -> owners.add(ReceivedFrom.Owner.of(imported)));
    return new Lookup(null, List.copyOf(owners));
  }

  /** A field typed by a type variable of its class stands for the variable's bound ({@link TypeParameterBounds}). */
  private String boundOf(TypeDeclaration<?> type, String fieldType) {
    if (type instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> generic) {
      String simple = fieldType.substring(fieldType.lastIndexOf('.') + 1);
      for (com.github.javaparser.ast.type.TypeParameter parameter : generic.getTypeParameters()) {
        if (parameter.getNameAsString().equals(simple) && parameter.getTypeBound().isNonEmpty()) {
          return file.names.qualify(TypeParameterBounds.chosen(parameter)).name();
        }
      }
    }
    return fieldType;
  }

  private static Lookup found(List<ReceivedFrom.Owner> owners, String type) {
    if (owners.isEmpty()) {
      return new Lookup(type, List.of());
    }
    List<ReceivedFrom.Owner> chain = new ArrayList<>(owners);
    chain.add(new ReceivedFrom.Owner.Known(type));
    return new Lookup(null, List.copyOf(chain));
  }

  /** A class body's own field of that name, by its type as written, qualified; else null. */
  private String declaredIn(List<BodyDeclaration<?>> members, String name) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof FieldDeclaration field) {
        for (VariableDeclarator variable : field.getVariables()) {
          if (variable.getNameAsString().equals(name)) {
            return file.names.qualify(variable.getType()).name();
          }
        }
      }
    }
    return null;
  }

  /** A type as written, qualified, with its type arguments qualified: {@code shop.AbstractService} of {@code shop.Order, ...}. */
  private ReceivedFrom.Owner written(ClassOrInterfaceType type) {
    String raw = file.names.qualify(type).name();
    List<String> arguments = new ArrayList<>();
    type.getTypeArguments().ifPresent(written -> written.forEach(argument -> arguments.add(file.names.qualify(argument).name())));
    return new ReceivedFrom.Owner.Inheriting(raw, arguments);
  }

  /** The type of a parameter or local of that name the method declares, qualified; else null. */
  private String capturedType(CallableDeclaration<?> method, String name) {
    for (var parameter : method.getParameters()) {
      if (parameter.getNameAsString().equals(name)) {
        return file.names.qualify(parameter.getType()).name();
      }
    }
    for (VariableDeclarator variable : Subtrees.all(method, VariableDeclarator.class)) {
      if (variable.getNameAsString().equals(name) && !variable.getType().isVarType()
          && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
        return file.names.qualify(variable.getType()).name();
      }
    }
    return null;
  }
}
