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
   *
   * @param always the statement as it runs when no {@code <if>} holds and no {@code <choose>} branch is taken: the
   *     conditions every run has, which a search form's optional filters are not; the same as {@code sql} where
   *     nothing is optional
   */
  public record Statement(Access access, String sql, String cachedBy, String always) {
    /** A statement with no optional part. */
    public Statement(Access access, String sql, String cachedBy) {
      this(access, sql, cachedBy, sql);
    }
  }

  private final Map<String, Map<String, Statement>> byNamespace;

  private MyBatisXmlMappers(Map<String, Map<String, Statement>> byNamespace) {
    this.byNamespace = byNamespace;
  }

  public static MyBatisXmlMappers none() {
    return new MyBatisXmlMappers(Map.of());
  }

  /** Reads the mapper files among the given XML files (those whose head declares a {@code <mapper>}). */
  public static MyBatisXmlMappers read(List<Path> xmlFiles) {
    List<MapperFile> files = new ArrayList<>();
    Map<String, Element> fragments = new HashMap<>(); // <sql id="x"> by "namespace.x", as an include names it
    for (Path file : xmlFiles) {
      MapperFile mapper = read(file);
      if (mapper != null) {
        files.add(mapper);
        mapper.fragments().forEach((id, fragment) -> fragments.putIfAbsent(mapper.namespace() + "." + id, fragment));
      }
    }
    Map<String, Map<String, Statement>> found = new HashMap<>();
    for (MapperFile mapper : files) {
      Map<String, Statement> byId = found.computeIfAbsent(mapper.namespace(), k -> new HashMap<>());
      for (Element element : mapper.statements()) {
        String sql = Rendering.sql(mapper.namespace(), fragments, element);
        // a <select> reads only when its SQL, read by the one SQL reader, is a read: one that changes data (a
        // data-modifying WITH, a procedure call) writes, and one whose text says nothing (a ${} pasted whole) may
        boolean select = element.name().toLowerCase(Locale.ROOT).equals("select")
            && dev.optkit.analyzers.facts.sites.SqlStatements.access(sql) == Access.READ;
        String cachedBy = select && mapper.cached() && !"false".equals(element.attributes().get("useCache"))
            ? "MyBatis's second-level cache (<cache/> in " + mapper.file().getFileName() + ")" : null;
        byId.put(element.attributes().get("id"), new Statement(select ? Access.READ : Access.WRITE, sql, cachedBy,
            Rendering.always(mapper.namespace(), fragments, element)));
      }
    }
    return new MyBatisXmlMappers(found);
  }

  /** An element of a mapper as read: its name, its attributes, and its content in order (text and elements). */
  private record Element(String name, Map<String, String> attributes, List<Object> content) {}

  /** What one mapper file declares: its statements and its {@code <sql>} fragments, by id. */
  private record MapperFile(Path file, String namespace, boolean cached, List<Element> statements,
      Map<String, Element> fragments) {}

  private static MapperFile read(Path file) {
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<mapper")) {
        return null; // most XML in a project is not MyBatis: look no further than its head
      }
      if (Files.size(file) > MAX_FILE) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    XMLInputFactory factory = dev.optkit.analyzers.io.SafeXml.factory();
    String namespace = null;
    boolean cached = false;
    List<Element> statements = new ArrayList<>();
    Map<String, Element> fragments = new HashMap<>();
    try (InputStream in = dev.optkit.analyzers.io.SafeXml.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in); // the prolog's encoding, UTF-8 by default
      try {
        java.util.Deque<Element> open = new java.util.ArrayDeque<>(); // a statement or fragment and its open elements
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String name = reader.getLocalName();
            if (!open.isEmpty()) {
              Element child = new Element(name, attributes(reader), new ArrayList<>());
              open.peek().content().add(child);
              open.push(child);
            } else if (name.equals("mapper")) {
              namespace = reader.getAttributeValue(null, "namespace");
            } else if (name.equals("cache") || name.equals("cache-ref")) {
              cached = true;
            } else if ((STATEMENTS.contains(name) || name.equals("sql")) && reader.getAttributeValue(null, "id") != null) {
              open.push(new Element(name, attributes(reader), new ArrayList<>()));
            }
          } else if (event == XMLStreamConstants.END_ELEMENT && !open.isEmpty()) {
            Element closed = open.pop();
            if (open.isEmpty()) {
              // kept only once whole: a file cut short keeps what it declared before the error
              if (closed.name().equals("sql")) {
                fragments.putIfAbsent(closed.attributes().get("id"), closed);
              } else {
                statements.add(closed);
              }
            }
          } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !open.isEmpty()) {
            open.peek().content().add(reader.getText());
          }
        }
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // not well-formed: keep the statements read before the error
    }
    return namespace == null || namespace.isBlank() ? null
        : new MapperFile(file, namespace, cached, statements, fragments);
  }

  private static Map<String, String> attributes(XMLStreamReader reader) {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    return attributes;
  }

  /**
   * A statement's SQL as MyBatis builds it when every {@code <if>} holds: {@code <include>} replaced by its
   * {@code <sql>} fragment (of this mapper or, named in full, another's); {@code <where>}, {@code <set>} and
   * {@code <trim>} adding their keyword and dropping the {@code AND}, {@code OR} or comma their content starts or ends
   * with, as MyBatis's own trim does; a {@code <foreach>} as one item between its open and close; {@code <bind>} and
   * {@code <selectKey>} as nothing. A {@code <choose>} is its first branch when every branch reads and names the same
   * tables (a different condition or order); else the statement is each of its builds, one after another, so every
   * reader sees every table and the write among them. Line breaks are kept, as MyBatis sends them: a {@code --}
   * comment ends at its line. What cannot be known (an include of a fragment optkit does not hold, nesting past its
   * bounds) is written {@code ${optkit.unknown}}, text MyBatis would paste: no reader takes the statement for less
   * than it is.
   */
  private static final class Rendering {
    /** Includes within includes: a fragment including itself ends here. */
    private static final int MAX_DEPTH = 8;
    /** Elements rendered for one build, and builds of one statement: a fragment bomb ends here. */
    private static final int MAX_VISITS = 20_000;
    private static final int MAX_BUILDS = 16;
    private static final String UNKNOWN = " ${optkit.unknown} ";
    /** What MyBatis's {@code <where>} drops from the front of its content ({@code WhereSqlNode}). */
    private static final List<String> WHERE_PREFIXES = List.of("AND ", "OR ", "AND\n", "OR\n", "AND\r", "OR\r",
        "AND\t", "OR\t");

    private final String namespace;
    private final Map<String, Element> fragments;
    /** The branch each {@code <choose>} takes in this build, by identity; the first when none is named. */
    private final Map<Element, Integer> chosen;
    /** The {@code <choose>} elements met in this build whose branches may differ in tables or access, in order. */
    private final List<Element> unlike = new ArrayList<>();
    private int visits;

    /** Whether {@code <if>} and {@code <choose>} add nothing: the conditions every run has. */
    private final boolean optionalLeftOut;

    private Rendering(String namespace, Map<String, Element> fragments, Map<Element, Integer> chosen) {
      this(namespace, fragments, chosen, false);
    }

    private Rendering(String namespace, Map<String, Element> fragments, Map<Element, Integer> chosen,
        boolean optionalLeftOut) {
      this.namespace = namespace;
      this.fragments = fragments;
      this.chosen = chosen;
      this.optionalLeftOut = optionalLeftOut;
    }

    /**
     * The statement with every {@code <if>} false and no {@code <choose>} branch (a branch runs only when its test
     * holds, or when the others' do not: none is in every run), its {@code <where>} and {@code <trim>} as MyBatis
     * trims what is left.
     */
    static String always(String namespace, Map<String, Element> fragments, Element statement) {
      return new Rendering(namespace, fragments, new java.util.IdentityHashMap<>(), true).build(statement);
    }

    /** The statement's SQL, as the class says. */
    static String sql(String namespace, Map<String, Element> fragments, Element statement) {
      Rendering first = new Rendering(namespace, fragments, new java.util.IdentityHashMap<>());
      String built = first.build(statement);
      if (first.unlike.isEmpty()) {
        return built;
      }
      // a choose whose branches may name other tables or write: every build, one after another
      List<String> builds = new ArrayList<>(List.of(built));
      for (Element choose : first.unlike) {
        for (int branch = 1; branch < branches(choose).size(); branch++) {
          if (builds.size() >= MAX_BUILDS) {
            return String.join(";\n", new java.util.LinkedHashSet<>(builds)) + UNKNOWN;
          }
          Map<Element, Integer> other = new java.util.IdentityHashMap<>();
          other.put(choose, branch);
          builds.add(new Rendering(namespace, fragments, other).build(statement));
        }
      }
      return String.join(";\n", new java.util.LinkedHashSet<>(builds));
    }

    /**
     * Words a branch holds when it may read other tables or write ({@code SELECT} of a subquery, {@code nextval}), and
     * words a choose follows when its branch is a table's name ({@code FROM <choose>}): read by JSqlParser's lexer,
     * not parsed, as every statement of a mapper has its chooses weighed.
     */
    private static final Set<String> STRUCTURAL = Set.of("SELECT", "FROM", "JOIN", "INSERT", "UPDATE", "DELETE",
        "MERGE", "UPSERT", "REPLACE", "WITH", "CALL", "EXEC", "EXECUTE", "INTO", "UNION", "RETURNING", "NEXTVAL",
        "TRUNCATE", "DROP", "ALTER", "CREATE", "FOR");
    private static final Set<String> NAMING = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", ",", "USING");

    /** Whether every branch of the choose, rendered here, reads the statement's tables the same way. */
    private boolean alike(Element choose, CharSequence before, int depth) {
      Optional<List<String>> preceding = dev.optkit.analyzers.facts.sites.SqlStatements.words(
          dev.optkit.analyzers.facts.sites.SqlStatements.bindPlaceholders(tail(before)));
      if (preceding.isEmpty() || !preceding.get().isEmpty()
          && NAMING.contains(preceding.get().get(preceding.get().size() - 1))) {
        return false;
      }
      for (Element branch : branches(choose)) {
        StringBuilder text = new StringBuilder();
        render(branch, text, depth);
        Optional<List<String>> words = dev.optkit.analyzers.facts.sites.SqlStatements.words(
            dev.optkit.analyzers.facts.sites.SqlStatements.bindPlaceholders(text.toString()));
        if (words.isEmpty() || words.get().stream().anyMatch(STRUCTURAL::contains)) {
          return false;
        }
      }
      return true;
    }

    /** The end of the text built so far: enough for its last word. */
    private static String tail(CharSequence text) {
      return text.subSequence(Math.max(0, text.length() - 200), text.length()).toString();
    }

    private String build(Element statement) {
      StringBuilder out = new StringBuilder();
      try {
        render(statement, out, 0);
      } catch (StackOverflowError tooDeep) {
        return UNKNOWN.strip();
      }
      return shrunk(out);
    }

    /** Each run of blanks one space, one holding a line break one line break, as a {@code --} comment needs. */
    private static String shrunk(CharSequence text) {
      StringBuilder out = new StringBuilder(text.length());
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (!Character.isWhitespace(c)) {
          out.append(c);
          i++;
          continue;
        }
        boolean lineBreak = false;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
          lineBreak |= text.charAt(i) == '\n' || text.charAt(i) == '\r';
          i++;
        }
        out.append(lineBreak ? '\n' : ' ');
      }
      return out.toString().strip();
    }

    private void render(Element element, StringBuilder out, int depth) {
      for (Object part : element.content()) {
        if (part instanceof String text) {
          out.append(text);
        } else if (++visits > MAX_VISITS) {
          out.append(UNKNOWN);
          return;
        } else {
          renderTag((Element) part, out, depth);
        }
      }
    }

    private static List<Element> branches(Element choose) {
      List<Element> branches = new ArrayList<>();
      choose.content().stream().filter(Element.class::isInstance).map(Element.class::cast)
          .filter(e -> e.name().equals("when")).forEach(branches::add);
      choose.content().stream().filter(Element.class::isInstance).map(Element.class::cast)
          .filter(e -> e.name().equals("otherwise")).findFirst().ifPresent(branches::add);
      return branches;
    }

    private void renderTag(Element tag, StringBuilder out, int depth) {
      switch (tag.name()) {
        case "include" -> {
          String refid = tag.attributes().getOrDefault("refid", "");
          Element fragment = fragments.getOrDefault(namespace + "." + refid, fragments.get(refid));
          if (fragment == null || depth >= MAX_DEPTH) {
            out.append(UNKNOWN); // a fragment optkit does not hold: what it adds is not known
          } else {
            out.append(' ');
            render(fragment, out, depth + 1);
            out.append(' ');
          }
        }
        case "where" -> trimmed(tag, out, depth, "WHERE", "", WHERE_PREFIXES, List.of());
        case "set" -> trimmed(tag, out, depth, "SET", "", List.of(","), List.of(","));
        case "trim" -> trimmed(tag, out, depth, tag.attributes().getOrDefault("prefix", ""),
            tag.attributes().getOrDefault("suffix", ""), overrides(tag.attributes().get("prefixOverrides")),
            overrides(tag.attributes().get("suffixOverrides")));
        case "if", "choose" -> {
          if (optionalLeftOut) {
            out.append(' ');
          } else if (tag.name().equals("if")) {
            out.append(' ');
            render(tag, out, depth);
            out.append(' ');
          } else {
            choose(tag, out, depth);
          }
        }
        case "foreach" -> {
          out.append(' ').append(tag.attributes().getOrDefault("open", ""));
          render(tag, out, depth);
          out.append(tag.attributes().getOrDefault("close", "")).append(' ');
        }
        case "bind", "selectKey" -> out.append(' ');
        default -> {
          out.append(' ');
          render(tag, out, depth);
          out.append(' ');
        }
      }
    }

    /** A {@code <choose>}: the branch this build takes, its branches' tables and access weighed the first time. */
    private void choose(Element tag, StringBuilder out, int depth) {
      if (chosen.isEmpty() && !alike(tag, out, depth)) {
        unlike.add(tag);
      }
      List<Element> branches = branches(tag);
      int branch = chosen.getOrDefault(tag, 0);
      if (branch < branches.size()) {
        out.append(' ');
        render(branches.get(branch), out, depth);
        out.append(' ');
      }
    }

    /** MyBatis's {@code TrimSqlNode}: overrides compared without case, each given as MyBatis splits them at {@code |}. */
    private void trimmed(Element tag, StringBuilder out, int depth, String prefix, String suffix,
        List<String> prefixOverrides, List<String> suffixOverrides) {
      StringBuilder inner = new StringBuilder();
      render(tag, inner, depth);
      String body = inner.toString().trim();
      if (body.isEmpty()) {
        return;
      }
      String upper = body.toUpperCase(Locale.ROOT);
      for (String override : prefixOverrides) {
        if (upper.startsWith(override.toUpperCase(Locale.ROOT))) {
          body = body.substring(override.trim().length());
          break;
        }
      }
      upper = body.toUpperCase(Locale.ROOT);
      for (String override : suffixOverrides) {
        String wanted = override.trim().toUpperCase(Locale.ROOT);
        if (!wanted.isEmpty() && upper.endsWith(wanted)) {
          body = body.substring(0, body.length() - wanted.length());
          break;
        }
      }
      out.append(' ').append(prefix).append(' ').append(body).append(' ').append(suffix).append(' ');
    }

    private static List<String> overrides(String attribute) {
      return attribute == null ? List.of() : List.of(attribute.split("\\|"));
    }
  }

  public boolean isMapper(String type) {
    return byNamespace.containsKey(type);
  }

  public Optional<Statement> statement(String type, String method) {
    return Optional.ofNullable(byNamespace.getOrDefault(type, Map.of()).get(method));
  }
}
