package dev.optkit.analyzers.index;

import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.MethodFact;
import java.util.List;
import java.util.Set;

/**
 * The type arguments of a method's declared return type, as its source writes them ({@code String} and {@code Integer}
 * of {@code Map<String, Integer>}), read from its signature with JavaParser: the facts keep return types erased. None
 * when the signature does not parse or the type has no arguments.
 */
public final class ReturnTypeArguments {
  private ReturnTypeArguments() {}

  private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final", "abstract",
      "default", "synchronized", "native", "strictfp");

  public static List<Type> of(MethodFact fact) {
    String signature = fact.signature();
    int name = signature == null ? -1 : signature.indexOf(" " + fact.name() + "(");
    if (name < 0) {
      return List.of();
    }
    String returned = signature.substring(0, name).strip();
    // the source line: "public static Optional<X>" without its modifiers and bare annotations
    while (!returned.isEmpty() && (returned.startsWith("@") || MODIFIERS.contains(returned.split("\\s+", 2)[0]))) {
      String[] words = returned.split("\\s+", 2);
      returned = words.length < 2 ? "" : words[1].strip();
    }
    if (returned.startsWith("<")) {
      return List.of(); // a generic method's own type parameters: what they stand for is the caller's
    }
    com.github.javaparser.ParseResult<ClassOrInterfaceType> parsed =
        new com.github.javaparser.JavaParser().parseClassOrInterfaceType(returned);
    if (parsed.getResult().isEmpty()) {
      return List.of();
    }
    return List.copyOf(parsed.getResult().get().getTypeArguments().orElse(new com.github.javaparser.ast.NodeList<>()));
  }
}
