package dev.optkit.analyzers.settings;

import com.fasterxml.jackson.databind.JsonNode;
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
 * (read by {@link dev.optkit.analyzers.io.YamlDocuments}, aliases and merge keys resolved as Spring resolves them,
 * nested or as a dotted key) in the project, every profile's included, keys compared as Spring's
 * relaxed binding does ({@code open-in-view}, {@code openInView}, {@code open_in_view}).
 */
public final class SpringSettings {
  private static final long MAX_BYTES = 1024 * 1024;

  private SpringSettings() {}

  /** A key's values in the production configuration: those that hold by default, and those of profiles. */
  public record Values(List<String> byDefault, List<String> inProfiles) {}

  /**
   * The values the project's production configuration files give the key (test resources are not the application's
   * configuration: hostile review 33's v1); empty when a file could not be read or the configuration imports or
   * names other files ({@code spring.config.import}, {@code spring.config.location}), which optkit does not follow.
   */
  public static Optional<Values> values(Path root, String key) {
    List<String> byDefault = new ArrayList<>();
    List<String> inProfiles = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 16)) { // Files.walk follows no link unless told to
      for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String name = file.getFileName().toString();
        String relative = root.relativize(file).toString().replace('\\', '/');
        // the module's own configuration: src/main/resources, or config/ and the folder it runs from; another
        // folder's is another application's (hostile review 34's v9, r6), src/it's a test's (v12)
        boolean own = relative.startsWith("src/main/resources/") || relative.startsWith("config/")
            || !relative.contains("/");
        if (!name.startsWith("application") || !own) {
          continue;
        }
        if (importsOthers(file)) {
          return Optional.empty(); // v2, v14, v15: an imported file may set it again
        }
        // application-local.yml holds a profile's settings (v5)
        boolean profileFile = name.matches("application-[^.]+\\.(properties|ya?ml)");
        valuesIn(file, key, profileFile ? inProfiles : byDefault, inProfiles);
      }
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.of(new Values(byDefault, inProfiles));
  }

  /**
   * The key's values in one configuration file: a document activated by a profile ({@code #---} then
   * {@code spring.config.activate.on-profile}, or the older {@code spring.profiles}) adds to {@code inProfiles}, any
   * other to {@code byDefault}; none for a file of another kind. Returns every value found.
   */
  public static List<String> valuesIn(Path file, String key, List<String> byDefault, List<String> inProfiles)
      throws IOException {
    String name = file.getFileName().toString();
    List<String> all = new ArrayList<>();
    if (!(name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"))) {
      return all;
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
    }
    if (name.endsWith(".properties")) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (String document : text.split("(?m)^#---\\s*$")) {
        Properties properties = new Properties();
        properties.load(new StringReader(document));
        boolean profiled = properties.stringPropertyNames().stream().anyMatch(SpringSettings::profileKey);
        for (String each : properties.stringPropertyNames()) {
          if (canonical(each).equals(canonical(key))) {
            String value = properties.getProperty(each).strip();
            all.add(value);
            (profiled ? inProfiles : byDefault).add(value);
          }
        }
      }
      return all;
    }
    for (JsonNode document : dev.optkit.analyzers.io.YamlDocuments.read(file)) {
      List<String> found = new ArrayList<>();
      collect(document, "", canonical(key), found);
      List<String> documentKeys = new ArrayList<>();
      paths(document, "", documentKeys);
      List<String> profileKeys = documentKeys.stream().filter(SpringSettings::profileKey).toList();
      all.addAll(found);
      (profileKeys.isEmpty() ? byDefault : inProfiles).addAll(found);
    }
    return all;
  }

  /**
   * Whether a configuration file names other files Spring reads too ({@code spring.config.import}, as a value, a
   * YAML list or indexed keys; {@code spring.config.location}, {@code spring.config.additional-location}).
   */
  private static boolean importsOthers(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!(name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"))) {
      return false;
    }
    List<String> keys = new ArrayList<>();
    if (name.endsWith(".properties")) {
      Properties properties = new Properties();
      properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
      keys.addAll(properties.stringPropertyNames());
    } else {
      for (JsonNode document : dev.optkit.analyzers.io.YamlDocuments.read(file)) {
        paths(document, "", keys);
      }
    }
    return keys.stream().map(SpringSettings::canonical).anyMatch(key -> key.startsWith(canonical("spring.config.import"))
        || key.startsWith(canonical("spring.config.location")) || key.startsWith(canonical("spring.config.additional-location")));
  }

  /** Every key path of a YAML document, lists' elements included. */
  private static void paths(JsonNode node, String path, List<String> keys) {
    if (node.isValueNode() || node.isArray() && node.isEmpty()) {
      keys.add(path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        paths(node.get(i), path + "[" + i + "]", keys);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      paths(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), keys);
    }
  }

  /** The one configuration file's values of a key, every document's (the datasource URLs a module names). */
  public static List<String> valuesIn(Path file, String key) throws IOException {
    return valuesIn(file, key, new ArrayList<>(), new ArrayList<>());
  }

  /** A key that makes its document conditional: any {@code spring.config.activate.*} (a profile, a cloud platform, v13). */
  private static boolean profileKey(String key) {
    return canonical(key).startsWith(canonical("spring.config.activate.")) || canonical(key).startsWith("spring.profiles");
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

  /**
   * Whether a deployment or build file of the project may set the key outside the configuration files: an
   * environment variable ({@code SPRING_JPA_OPEN_IN_VIEW} in a Dockerfile, a compose file, a Kubernetes manifest, an
   * {@code .env}), a system property ({@code -Dspring.jpa.open-in-view} in a pom or a script). A text search for the
   * key's names in those files (hostile review 34's v8); a file it cannot read counts as one that sets it.
   */
  public static boolean setOutside(Path root, String key) {
    // SPRING_JPA_OPENINVIEW as Spring documents it, SPRING_JPA_OPEN_IN_VIEW as Docker files write it (both bind)
    String environment = key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    String underscored = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    try (Stream<Path> files = Files.walk(root, 8)) {
      for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
        String name = file.getFileName().toString();
        String relative = root.relativize(file).toString().replace('\\', '/');
        boolean deployment = name.startsWith("Dockerfile") || name.startsWith("docker-compose") || name.startsWith("compose.")
            || name.equals(".env") || name.endsWith(".env") || name.equals("pom.xml") || name.endsWith(".gradle")
            || name.endsWith(".kts") || name.endsWith(".sh") || name.equals("Procfile") || name.equals("manifest.yml")
            || (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.startsWith("application");
        // a properties file of another name: one @PropertySource or spring.config.import names, read by its relaxed
        // names (the plain-Spring review of 2026-11-29, f7b, f7c)
        boolean otherProperties = name.endsWith(".properties") && !name.startsWith("application");
        if (!deployment && !otherProperties || relative.contains("/target/") || relative.contains("node_modules/")
            || Files.size(file) > MAX_BYTES) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        if (text.contains(environment) || text.contains(underscored) || text.contains(key)
            || otherProperties && canonical(text).contains(canonical(key))) {
          return true;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
    return false;
  }

  /** A key as relaxed binding compares it: lower case, without dashes and underscores. */
  public static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Whether the production configuration sets the key to the value anywhere: by default or in a profile. */
  public static boolean anySetTo(Path root, String key, String value) {
    return root != null && values(root, key).filter(found -> java.util.stream.Stream.concat(
        found.byDefault().stream(), found.inProfiles().stream()).anyMatch(value::equalsIgnoreCase)).isPresent();
  }

  /**
   * Whether the project's production configuration sets the key to this value (case aside) where no profile is
   * active, and no document, profile's or not, sets it to anything else (v4, v5: a value only a profile sets leaves
   * Spring's default in force).
   */
  public static boolean onlySetTo(Path root, String key, String value) {
    return root != null && !setOutside(root, key) && values(root, key).filter(found -> !found.byDefault().isEmpty()
        && found.byDefault().stream().allMatch(value::equalsIgnoreCase)
        && found.inProfiles().stream().allMatch(value::equalsIgnoreCase)).isPresent();
  }
}
