package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.io.Decoded;
import dev.optkit.analyzers.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MyBatis statements declared in XML mapper files ({@code <mapper namespace="...">}), so calls of
 * mapper interfaces without annotations are classified and show their SQL. Read as text: the DTD
 * is never fetched.
 */
public final class MyBatisXmlMappers {
  private static final Pattern NAMESPACE = Pattern.compile("<mapper\\s+namespace\\s*=\\s*\"([\\w.$]+)\"");
  private static final Pattern STATEMENT = Pattern.compile(
      "<(select|insert|update|delete)\\b[^>]*?\\bid\\s*=\\s*\"([\\w$]+)\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]+>|<!\\[CDATA\\[|]]>");
  private static final long MAX_FILE = 2L * 1024 * 1024;

  /** One statement: read or write, and its SQL with dynamic-SQL tags removed. */
  public record Statement(Access access, String sql) {}

  private final Map<String, Map<String, Statement>> byNamespace;

  private MyBatisXmlMappers(Map<String, Map<String, Statement>> byNamespace) {
    this.byNamespace = byNamespace;
  }

  public static MyBatisXmlMappers none() {
    return new MyBatisXmlMappers(Map.of());
  }

  /** Finds mapper XML files under the roots, skipping build output like the source scan does. */
  public static MyBatisXmlMappers scan(List<Path> roots) {
    Map<String, Map<String, Statement>> found = new HashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      SourceSet.walk(root, dir -> true, (file, attrs) -> {
        if (file.getFileName().toString().endsWith(".xml") && attrs.size() < MAX_FILE) {
          read(file, found);
        }
      });
    }
    return new MyBatisXmlMappers(found);
  }

  private static void read(Path file, Map<String, Map<String, Statement>> found) {
    String text;
    try {
      text = Decoded.of(Files.readAllBytes(file)).text();
    } catch (IOException e) {
      return;
    }
    Matcher namespace = NAMESPACE.matcher(text);
    if (!namespace.find()) {
      return;
    }
    Map<String, Statement> statements = found.computeIfAbsent(namespace.group(1), k -> new HashMap<>());
    Matcher statement = STATEMENT.matcher(text);
    while (statement.find()) {
      String sql = TAG.matcher(statement.group(3)).replaceAll(" ").replaceAll("\\s+", " ").trim();
      Access access = statement.group(1).toLowerCase(Locale.ROOT).equals("select") ? Access.READ : Access.WRITE;
      statements.put(statement.group(2), new Statement(access, sql));
    }
  }

  public boolean isMapper(String type) {
    return byNamespace.containsKey(type);
  }

  public Optional<Statement> statement(String type, String method) {
    return Optional.ofNullable(byNamespace.getOrDefault(type, Map.of()).get(method));
  }
}
