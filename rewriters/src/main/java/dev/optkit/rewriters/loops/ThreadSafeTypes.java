package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import java.util.Optional;
import java.util.Set;

/**
 * Library types whose objects may be used from several threads at once: the JDK's and the usual
 * HTTP and JSON clients by name, and the AWS SDK v2 service clients ({@code S3Client},
 * {@code DynamoDbClient}...), which the SDK documents as thread-safe, only when the name resolves to
 * one: written qualified, or imported by its own name from {@code software.amazon.awssdk.services.*}.
 * A project class of the same name (an {@code S3Client} of its own) is never taken for one.
 */
final class ThreadSafeTypes {
  /** Library clients whose calls may run from many threads at once, by simple name. */
  static final Set<String> BY_NAME = Set.of("HttpClient", "CloseableHttpClient", "RestTemplate", "RestClient",
      "WebClient", "OkHttpClient", "ObjectMapper", "ObjectReader", "ObjectWriter", "Gson", "Pattern",
      "DateTimeFormatter", "JsonMapper", "XmlMapper");

  private static final String AWS_SERVICES = "software.amazon.awssdk.services.";

  /**
   * The simple names of the project's declared HTTP clients (Feign, Spring HTTP interfaces, Retrofit). Their
   * proxies may be called from any thread, but what runs in them is not proven safe on a pool: the project's
   * interceptors (a lambda registered on a builder among them), a project class implementing the interface and
   * injected instead, a verb the annotations leave to a name (hostile review 53); a refusal names them.
   */
  static final com.github.javaparser.ast.DataKey<Set<String>> DECLARED_CLIENTS =
      new com.github.javaparser.ast.DataKey<>() {};

  private ThreadSafeTypes() {}

  /**
   * @param use where the type is written (its file's imports say what the name means)
   * @param written the type as written ({@code S3Client}, {@code software.amazon.awssdk.services.s3.S3Client})
   */
  static boolean is(Node use, String written) {
    String bare = TypeNames.raw(written);
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    if (BY_NAME.contains(simple)) {
      return true;
    }

    return qualified(use, bare).filter(ThreadSafeTypes::awsServiceClient).isPresent();
  }

  /** Whether the type as written is one of the project's declared HTTP clients. */
  static boolean declaredClient(Node use, String written) {
    String bare = TypeNames.raw(written);
    Optional<CompilationUnit> file = use.findCompilationUnit();
    return !bare.contains(".") && file.isPresent() && file.get().containsData(DECLARED_CLIENTS)
        && file.get().getData(DECLARED_CLIENTS).contains(bare);
  }

  /** Whether the field of this name, in the class the use is in or one around it, is declared with such a type. */
  static boolean field(Node use, String name) {
    for (Node at = use.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        for (com.github.javaparser.ast.body.FieldDeclaration field : type.getFields()) {
          if (field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
            return is(field, field.getElementType().asString());
          }
        }
      }
    }
    return false;
  }

  /** The qualified name a type as written resolves to through its file's single-type imports; empty when it cannot be told. */
  static Optional<String> qualified(Node use, String bare) {
    if (bare.contains(".")) {
      return Optional.of(bare);
    }
    Optional<CompilationUnit> unit = use.findCompilationUnit();
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    for (ImportDeclaration declaration : unit.get().getImports()) {
      if (!declaration.isStatic() && !declaration.isAsterisk() && declaration.getName().getIdentifier().equals(bare)) {
        return Optional.of(declaration.getNameAsString());
      }
    }
    return Optional.empty();
  }

  /** {@code software.amazon.awssdk.services.<service>.<Name>Client}: a synchronous or asynchronous service client. */
  private static boolean awsServiceClient(String qualified) {
    if (!qualified.startsWith(AWS_SERVICES)) {
      return false;
    }
    String[] rest = qualified.substring(AWS_SERVICES.length()).split("\\.");
    return rest.length == 2 && rest[1].endsWith("Client") && rest[1].length() > "Client".length()
        && Character.isUpperCase(rest[1].charAt(0));
  }

  /**
   * The simple names of the project's interfaces a library implements as a remote HTTP client (Feign, Spring HTTP
   * interfaces, Retrofit: the catalogue's declared API clients), none taking a name another project type has.
   */
  static Set<String> declaredHttpClients(dev.optkit.analyzers.index.ProjectIndex index) {
    Set<String> clients = new java.util.TreeSet<>();
    for (var type : index.types()) {
      String simple = type.qualifiedName().substring(type.qualifiedName().lastIndexOf('.') + 1);
      if (type.kind().equals("interface") && index.typesNamed(simple).size() == 1
          && index.declaredClient(type.qualifiedName())
              .filter(d -> d.kind() == dev.optkit.analyzers.catalog.ClientKind.API).isPresent()) {
        clients.add(simple);
      }
    }
    return clients;
  }
}
