package dev.optkit.analyzers.dependencies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The libraries a Gradle build declares in its version catalogs ({@code gradle/*.versions.toml}),
 * read with a TOML parser, never by running Gradle: {@code "g:a:v"} strings, and tables with
 * {@code module} or {@code group}/{@code name} and a {@code version} written, referenced
 * ({@code version.ref}) or ranged ({@code strictly}, {@code require}, {@code prefer}). A library
 * with no version (a platform manages it) cannot be resolved alone and is left out.
 */
public final class GradleCatalog {
  private static final long MAX_BYTES = 1L << 20;
  private static final TomlMapper TOML = new TomlMapper();

  private GradleCatalog() {}

  /** Every catalog's libraries under {@code root}/gradle, catalogs by name; none when there is none. */
  public static List<Coordinates> declared(Path root) {
    List<Coordinates> declared = new ArrayList<>();
    for (Path catalog : files(root)) {
      declared.addAll(read(catalog));
    }
    return declared;
  }

  /** The catalogs, {@code root/gradle/*.versions.toml}, by name. */
  static List<Path> files(Path root) {
    Path folder = root.resolve("gradle");
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".versions.toml")).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // an unreadable folder declares nothing
    }
  }

  static List<Coordinates> read(Path catalog) {
    Optional<JsonNode> tree = tree(catalog);
    if (tree.isEmpty()) {
      return List.of();
    }
    JsonNode versions = tree.get().path("versions");
    List<Coordinates> declared = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.get().path("libraries").fields(); it.hasNext(); ) {
      coordinates(it.next().getValue(), versions).ifPresent(declared::add);
    }
    return declared;
  }

  /**
   * The library an alias names ({@code libs.spring.cloud.bom} for the entry {@code spring-cloud-bom}, {@code
   * spring_cloud_bom} or {@code spring.cloud.bom} of {@code gradle/libs.versions.toml}), with its version; empty when
   * no catalog has it or it has no version.
   */
  static Optional<Coordinates> library(Path root, String alias) {
    for (Path catalog : files(root)) {
      String name = catalog.getFileName().toString().replace(".versions.toml", "");
      if (!alias.startsWith(name + ".")) {
        continue;
      }
      String wanted = alias.substring(name.length() + 1);
      Optional<JsonNode> tree = tree(catalog);
      if (tree.isEmpty()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = tree.get().path("libraries").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> library = it.next();
        if (library.getKey().replace('-', '.').replace('_', '.').equals(wanted)) {
          return coordinates(library.getValue(), tree.get().path("versions"));
        }
      }
    }
    return Optional.empty();
  }

  /** A catalog file's tree; empty when it is a link, too large, or not TOML (Gradle would refuse it too). */
  private static Optional<JsonNode> tree(Path catalog) {
    try {
      if (!Files.isRegularFile(catalog, LinkOption.NOFOLLOW_LINKS) || Files.size(catalog) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(TOML.readTree(Files.readString(catalog)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code "g:a:v"}, {@code { module = "g:a", version.ref = "x" }} or {@code { group, name, version }}. */
  private static Optional<Coordinates> coordinates(JsonNode library, JsonNode versions) {
    String group;
    String name;
    String version;
    if (library.isTextual()) {
      String[] parts = library.asText().split(":");
      if (parts.length != 3) {
        return Optional.empty();
      }
      group = parts[0];
      name = parts[1];
      version = parts[2];
    } else {
      String module = library.path("module").asText(null);
      if (module != null) {
        String[] parts = module.split(":");
        if (parts.length != 2) {
          return Optional.empty();
        }
        group = parts[0];
        name = parts[1];
      } else {
        group = library.path("group").asText(null);
        name = library.path("name").asText(null);
      }
      version = version(library.path("version"), versions);
    }
    if (group == null || name == null || version == null || group.isBlank() || name.isBlank() || version.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Coordinates(group.trim(), name.trim(), version.trim()));
  }

  /**
   * The version the catalogs give the plugin an alias names ({@code libs.plugins.spring.boot} for the entry
   * {@code spring-boot}, {@code spring_boot} or {@code spring.boot}) when its id is {@code pluginId}.
   */
  static Optional<String> pluginVersion(Path root, String alias, String pluginId) {
    String prefix = "libs.plugins.";
    if (!alias.startsWith(prefix)) {
      return Optional.empty();
    }
    String wanted = alias.substring(prefix.length());
    for (Path catalog : files(root)) {
      JsonNode tree = tree(catalog).orElse(null);
      if (tree == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("plugins").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> plugin = it.next();
        if (plugin.getKey().replace('-', '.').replace('_', '.').equals(wanted)
            && pluginId.equals(plugin.getValue().path("id").asText(null))) {
          return Optional.ofNullable(version(plugin.getValue().path("version"), tree.path("versions")));
        }
      }
    }
    return Optional.empty();
  }

  /** A version as written, referenced, or the one a rich version settles on; null when none is. */
  private static String version(JsonNode version, JsonNode versions) {
    if (version.isTextual()) {
      return version.asText();
    }
    if (version.isObject()) {
      if (version.has("ref")) {
        // a referenced version is one of [versions]: a reference there is not followed again
        JsonNode referenced = versions.path(version.path("ref").asText());
        return referenced.isObject() && referenced.has("ref") ? null : version(referenced, versions);
      }
      for (String settled : new String[] {"strictly", "require", "prefer"}) {
        if (version.path(settled).isTextual()) {
          String text = version.path(settled).asText();
          // a range ("[1.0,2.0)") is not one version: Maven's resolver would ask the repository for its list
          return text.startsWith("[") || text.startsWith("(") ? null : text;
        }
      }
    }
    return null;
  }
}
