package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.io.Decoded;
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
  private static final int HEAD_BYTES = 4096;

  /** One statement: read or write, and its SQL with dynamic-SQL tags removed. */
  public record Statement(Access access, String sql) {}

  private final Map<String, Map<String, Statement>> byNamespace;

  private MyBatisXmlMappers(Map<String, Map<String, Statement>> byNamespace) {
    this.byNamespace = byNamespace;
  }

  public static MyBatisXmlMappers none() {
    return new MyBatisXmlMappers(Map.of());
  }

  /** Reads the mapper files among the given XML files (those whose head declares a {@code <mapper>}). */
  public static MyBatisXmlMappers read(List<Path> xmlFiles) {
    Map<String, Map<String, Statement>> found = new HashMap<>();
    for (Path file : xmlFiles) {
      read(file, found);
    }
    return new MyBatisXmlMappers(found);
  }

  private static void read(Path file, Map<String, Map<String, Statement>> found) {
    String text;
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<mapper")) {
        return; // most XML in a project is not MyBatis: look no further than its head
      }
      if (Files.size(file) > MAX_FILE) {
        return;
      }
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
