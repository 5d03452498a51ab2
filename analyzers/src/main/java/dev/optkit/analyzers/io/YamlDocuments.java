package dev.optkit.analyzers.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one reader of a scanned project's YAML data (Spring's {@code application.yml}, a compose file, a Liquibase
 * changelog): every document as a tree, read as the tools that load those files read them (Spring Boot, Docker
 * Compose and Liquibase all load YAML with SnakeYAML). An alias is the value its anchor names and a merge key
 * ({@code <<: *defaults}) gives the mapping the anchored entries its own keys do not set; Jackson's YAML parser gives
 * an alias as its anchor's name and keeps {@code <<} as a key, so a value set through either read as a wrong one.
 * A date stays its text, as Spring reads it (Spring Boot's loader resolves no timestamps); a tag no library of
 * optkit's knows ({@code !Ref}) is its value as written.
 *
 * <p>The file is hostile: only plain data is made (SnakeYAML's safe constructor), at most {@link #MAX_ALIASES}
 * aliases of a collection, a document that refers to itself or expands to more than {@link #MAX_NODES} values is an
 * {@link IOException}, as a file over {@link #MAX_BYTES} is.
 */
public final class YamlDocuments {
  /** The largest file read. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  /** The most aliases of collections a file may use (SnakeYAML's guard against an alias bomb). */
  public static final int MAX_ALIASES = 50;

  /** The most values a file's documents may expand to once its aliases are resolved. */
  public static final int MAX_NODES = 1_000_000;

  private YamlDocuments() {}

  /** Every document of the file, in order; a document with nothing in it is a {@code null} node. */
  public static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    each(file, documents::add);
    return documents;
  }

  /** Every document of the text, in order. */
  public static List<JsonNode> read(String text) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    each(new StringReader(text), documents::add);
    return documents;
  }

  /** The text's first document, or null when it has none (a changelog, a compose file: one document each). */
  public static JsonNode first(String text) throws IOException {
    List<JsonNode> documents = read(text);
    return documents.isEmpty() ? null : documents.get(0);
  }

  /**
   * Each document of the file, in order, as it is read: those before a document that is no YAML data (a template's
   * {@code {{ }}}) are given before the {@link IOException}.
   */
  public static void each(Path file, java.util.function.Consumer<JsonNode> documents) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file.getFileName() + " is larger than " + MAX_BYTES + " bytes");
    }
    each(new StringReader(Files.readString(file, StandardCharsets.UTF_8)), documents);
  }

  private static void each(Reader text, java.util.function.Consumer<JsonNode> documents) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit((int) MAX_BYTES);
    DumperOptions unused = new DumperOptions();
    Yaml yaml = new Yaml(new PlainData(options), new Representer(unused), unused, options, new NoTimestamps());
    int[] budget = {MAX_NODES};
    try {
      for (Object document : yaml.loadAll(text)) {
        documents.accept(tree(document, budget, java.util.Collections.newSetFromMap(new IdentityHashMap<>())));
      }
    } catch (YAMLException | ClassCastException e) {
      throw new IOException("not YAML data: " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(Object value, int[] budget, Set<Object> open) throws IOException {
    if (--budget[0] < 0) {
      throw new IOException("the YAML expands to more than " + MAX_NODES + " values");
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      if (!open.add(value)) {
        throw new IOException("the YAML refers to itself through an alias");
      }
      try {
        if (value instanceof Map<?, ?> map) {
          ObjectNode object = nodes.objectNode();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            object.set(String.valueOf(entry.getKey()), tree(entry.getValue(), budget, open));
          }
          return object;
        }
        ArrayNode array = nodes.arrayNode();
        for (Object item : (Collection<?>) value) {
          array.add(tree(item, budget, open));
        }
        return array;
      } finally {
        open.remove(value);
      }
    }
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    }
    if (value instanceof Integer number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Long number) {
      return nodes.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Double number) {
      return nodes.numberNode(number);
    }
    if (value instanceof byte[] bytes) {
      return nodes.binaryNode(bytes);
    }
    return nodes.textNode(String.valueOf(value));
  }

  /** Plain data only; a tag it does not know is its value as written, not an error. */
  private static final class PlainData extends SafeConstructor {
    PlainData(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(null, new AsWritten());
    }

    private final class AsWritten extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        if (node instanceof ScalarNode scalar) {
          return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
          return constructSequence(sequence);
        }
        return constructMapping((MappingNode) node);
      }
    }
  }

  /** YAML 1.1's implicit types without timestamps, as Spring Boot's loader resolves them. */
  private static final class NoTimestamps extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!Tag.TIMESTAMP.equals(tag)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }
}
