package dev.optkit.rewriters.caching.keys;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a field's value is the same for every object of its class and in every instance of the
 * application: built only from literals, the class's own static finals whose values are so too, and an
 * allow-list of library constants, constructors and factories that read nothing of the moment, the
 * thread, the JVM's settings or chance. Anything else is not (hostile reviews 55 and 56: a static counter,
 * a non-final static, a project map, the default locale or zone, a system property, a random value, a
 * formatter with the default locale each gave objects or JVMs their own value).
 */
public final class InitialValues {
  /** Constructors that make a value from their arguments alone (empty collections, clients, mappers). */
  private static final Set<String> CONSTRUCTORS = Set.of("ArrayList", "LinkedList", "HashMap", "LinkedHashMap", "TreeMap",
      "HashSet", "LinkedHashSet", "TreeSet", "ArrayDeque", "ConcurrentHashMap", "CopyOnWriteArrayList", "StringBuilder",
      "ObjectMapper", "RestTemplate", "OkHttpClient", "Gson", "GsonBuilder", "Builder", "Object");
  /** Static factories of that kind, as Type.method. */
  private static final Set<String> FACTORIES = Set.of("HttpClient.newHttpClient", "HttpClient.newBuilder",
      "Duration.ofMillis", "Duration.ofSeconds", "Duration.ofMinutes", "Duration.ofHours", "Duration.ofDays",
      "URI.create", "List.of", "Set.of", "Map.of", "Map.entry", "Collections.emptyList", "Collections.emptyMap",
      "Collections.emptySet", "Collections.unmodifiableList", "Collections.unmodifiableMap", "Pattern.compile",
      "JsonMapper.builder", "Arrays.asList", "String.valueOf", "Integer.valueOf", "Long.valueOf");
  /** Types whose constants are values: StandardCharsets.UTF_8, TimeUnit.SECONDS, HttpClient.Version.HTTP_2. */
  private static final Set<String> CONSTANT_HOLDERS = Set.of("StandardCharsets", "TimeUnit", "ChronoUnit", "Version",
      "Redirect", "DeserializationFeature", "SerializationFeature", "MapperFeature", "JsonInclude", "Include");
  /** Builder steps: a chain from an allowed factory or constructor that only configures what it builds. */
  private static final Set<String> BUILDER_STEPS = Set.of("build", "connectTimeout", "readTimeout", "writeTimeout",
      "callTimeout", "version", "followRedirects", "configure", "registerModule", "findAndRegisterModules",
      "setSerializationInclusion", "disable", "enable", "create", "serializeNulls", "setPrettyPrinting",
      "retryOnConnectionFailure", "proxy", "priority");

  private InitialValues() {}

  /** What in the value may differ from one object's construction, or one JVM, to the next; empty when nothing does. */
  public static Optional<String> whyNotAlike(Expression value, ClassOrInterfaceDeclaration owner) {
    if (value instanceof LiteralExpr || value instanceof ClassExpr) {
      return Optional.empty();
    }
    if (value instanceof EnclosedExpr enclosed) {
      return whyNotAlike(enclosed.getInner(), owner);
    }
    if (value instanceof CastExpr cast) {
      return whyNotAlike(cast.getExpression(), owner);
    }
    if (value instanceof BinaryExpr binary) {
      return whyNotAlike(binary.getLeft(), owner).or(() -> whyNotAlike(binary.getRight(), owner));
    }
    if (value instanceof NameExpr name) {
      // Java forbids a constant's initializer to read a constant declared after it: no cycle
      return ownStaticFinal(name.getNameAsString(), owner).map(initial -> whyNotAlike(initial, owner))
          .orElse(Optional.of(name.toString()));
    }
    if (value instanceof FieldAccessExpr access) {
      String holder = access.getScope() instanceof NameExpr type ? type.getNameAsString()
          : access.getScope() instanceof FieldAccessExpr qualified ? qualified.getNameAsString() : "";
      return CONSTANT_HOLDERS.contains(holder) ? Optional.empty() : Optional.of(access.toString());
    }
    if (value instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent() || !CONSTRUCTORS.contains(creation.getType().getNameAsString())) {
        return Optional.of(creation.toString());
      }
      return arguments(creation.getArguments(), owner);
    }
    if (value instanceof MethodCallExpr call) {
      Optional<String> arguments = arguments(call.getArguments(), owner);
      if (arguments.isPresent()) {
        return arguments;
      }
      Expression scope = call.getScope().orElse(null);
      String holder = scope instanceof NameExpr type ? type.getNameAsString()
          : scope instanceof FieldAccessExpr qualified ? qualified.getNameAsString() : null;
      if (holder != null && FACTORIES.contains(holder + "." + call.getNameAsString())) {
        return Optional.empty();
      }
      if (scope != null && holder == null && BUILDER_STEPS.contains(call.getNameAsString())) {
        return whyNotAlike(scope, owner); // HttpClient.newBuilder().connectTimeout(..).build(), link by link
      }
      return Optional.of(call.toString());
    }
    return Optional.of(value.toString());
  }

  /** The initial value of the class's own static final field of that name, when it has one. */
  private static Optional<Expression> ownStaticFinal(String name, ClassOrInterfaceDeclaration owner) {
    for (FieldDeclaration field : owner.getFields()) {
      if (field.isStatic() && field.isFinal()) {
        for (VariableDeclarator variable : field.getVariables()) {
          if (variable.getNameAsString().equals(name)) {
            return variable.getInitializer();
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> arguments(com.github.javaparser.ast.NodeList<Expression> arguments,
      ClassOrInterfaceDeclaration owner) {
    for (Expression argument : arguments) {
      Optional<String> why = whyNotAlike(argument, owner);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }
}
