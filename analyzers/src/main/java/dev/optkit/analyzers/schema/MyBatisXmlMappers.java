package dev.optkit.analyzers.schema;

import dev.optkit.analyzers.facts.Access;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * MyBatis statements declared in XML mapper files ({@code <mapper namespace="...">}), so calls of
 * mapper interfaces without annotations are classified and show their SQL, and whether the
 * namespace keeps a second-level cache ({@code <cache/>}, {@code <cache-ref/>}) that already serves
 * its selects. Read with StAX, honouring the declared encoding, with DTDs and external entities off
 * (the mapper DTD is never fetched); a file that is not well-formed is skipped with what it
 * declared before the error, never retried by pattern matching.
 */
public final class MyBatisXmlMappers {
  private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");
  private static final long MAX_FILE = 2L * 1024 * 1024;
  private static final int HEAD_BYTES = 4096;

  /**
   * One statement: read or write, its SQL with dynamic-SQL tags removed, and the second-level cache
   * that answers it ({@code null} when none does: a write, a select with {@code useCache="false"},
   * or a namespace without a cache).
   */
  public record Statement(Access access, String sql, String cachedBy) {}

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
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<mapper")) {
        return; // most XML in a project is not MyBatis: look no further than its head
      }
      if (Files.size(file) > MAX_FILE) {
        return;
      }
    } catch (IOException e) {
      return;
    }
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    String namespace = null;
    boolean cached = false;
    List<String[]> statements = new ArrayList<>(); // kind, id, sql, useCache
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in); // the prolog's encoding, UTF-8 by default
      try {
        String[] open = null;
        int depth = 0;
        StringBuilder sql = new StringBuilder();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String name = reader.getLocalName();
            if (open != null) {
              depth++;
              sql.append(' ');
            } else if (name.equals("mapper")) {
              namespace = reader.getAttributeValue(null, "namespace");
            } else if (name.equals("cache") || name.equals("cache-ref")) {
              cached = true;
            } else if (STATEMENTS.contains(name) && reader.getAttributeValue(null, "id") != null) {
              open = new String[] {name, reader.getAttributeValue(null, "id"), null,
                  reader.getAttributeValue(null, "useCache")};
              depth = 0;
              sql.setLength(0);
            }
          } else if (event == XMLStreamConstants.END_ELEMENT && open != null) {
            if (depth == 0) {
              open[2] = sql.toString().replaceAll("\\s+", " ").trim();
              statements.add(open);
              open = null;
            } else {
              depth--;
              sql.append(' ');
            }
          } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && open != null) {
            sql.append(reader.getText());
          }
        }
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // not well-formed: keep the statements read before the error
    }
    if (namespace == null || namespace.isBlank()) {
      return;
    }
    Map<String, Statement> byId = found.computeIfAbsent(namespace, k -> new HashMap<>());
    for (String[] statement : statements) {
      // a <select> reads unless its SQL changes data (a data-modifying WITH, a procedure call): one SQL reader decides
      boolean select = statement[0].toLowerCase(Locale.ROOT).equals("select")
          && dev.optkit.analyzers.facts.sites.SqlStatements.access(statement[2]) != Access.WRITE;
      String cachedBy = select && cached && !"false".equals(statement[3])
          ? "MyBatis's second-level cache (<cache/> in " + file.getFileName() + ")" : null;
      byId.put(statement[1], new Statement(select ? Access.READ : Access.WRITE, statement[2], cachedBy));
    }
  }

  public boolean isMapper(String type) {
    return byNamespace.containsKey(type);
  }

  public Optional<Statement> statement(String type, String method) {
    return Optional.ofNullable(byNamespace.getOrDefault(type, Map.of()).get(method));
  }
}
