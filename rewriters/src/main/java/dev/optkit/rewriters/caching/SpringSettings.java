package dev.optkit.rewriters.caching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A Spring Boot setting's values, read the way Spring reads its configuration files rather than searched for as
 * text (a commented-out {@code #spring.jpa.open-in-view=false} sets nothing): every document of every
 * {@code application*.properties} (split at {@code #---}, read by {@link Properties}) and {@code application*.yml}
 * (read by Jackson, nested or as a dotted key) in the project, every profile's included, keys compared as Spring's
 * relaxed binding does ({@code open-in-view}, {@code openInView}, {@code open_in_view}).
 */
final class SpringSettings {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final long MAX_BYTES = 1024 * 1024;

  private SpringSettings() {}

  /**
   * Every value the project's configuration files give the key; empty when a file could not be read (then nothing
   * certain is known of it).
   */
  static Optional<List<String>> values(Path root, String key) {
    List<String> values = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 16)) { // Files.walk follows no link unless told to
      for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("application") && !file.toString().contains("/target/")) {
          values.addAll(valuesIn(file, key));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.of(values);
  }

  /** The key's values in one configuration file, every document's; none for a file of another kind. */
  static List<String> valuesIn(Path file, String key) throws IOException {
    String name = file.getFileName().toString();
    List<String> values = new ArrayList<>();
    if (!(name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"))) {
      return values;
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
    }
    if (name.endsWith(".properties")) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (String document : text.split("(?m)^#---\\s*$")) {
        Properties properties = new Properties();
        properties.load(new StringReader(document));
        for (String each : properties.stringPropertyNames()) {
          if (canonical(each).equals(canonical(key))) {
            values.add(properties.getProperty(each).strip());
          }
        }
      }
      return values;
    }
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (documents.hasNext()) {
        collect(documents.next(), "", canonical(key), values);
      }
    }
    return values;
  }

  private static void collect(JsonNode node, String path, String key, List<String> values) {
    if (node.isValueNode()) {
      if (canonical(path).equals(key)) {
        values.add(node.asText().strip());
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), key, values);
    }
  }

  /** A key as relaxed binding compares it: lower case, without dashes and underscores. */
  private static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Whether the project sets the key, and only ever to this value (case aside). */
  static boolean onlySetTo(Path root, String key, String value) {
    return root != null && values(root, key).filter(found -> !found.isEmpty()
        && found.stream().allMatch(value::equalsIgnoreCase)).isPresent();
  }
}
