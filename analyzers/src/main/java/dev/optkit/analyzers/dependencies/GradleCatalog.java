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
    JsonNode tree;
    try {
      if (!Files.isRegularFile(catalog, LinkOption.NOFOLLOW_LINKS) || Files.size(catalog) > MAX_BYTES) {
        return List.of();
      }
      tree = TOML.readTree(Files.readString(catalog));
    } catch (IOException | RuntimeException e) {
      return List.of(); // not TOML: Gradle would refuse it too
    }
    JsonNode versions = tree.path("versions");
    List<Coordinates> declared = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("libraries").fields(); it.hasNext(); ) {
      JsonNode library = it.next().getValue();
      String group;
      String name;
      String version;
      if (library.isTextual()) {
        String[] parts = library.asText().split(":");
        if (parts.length != 3) {
          continue;
        }
        group = parts[0];
        name = parts[1];
        version = parts[2];
      } else {
        String module = library.path("module").asText(null);
        if (module != null) {
          String[] parts = module.split(":");
          if (parts.length != 2) {
            continue;
          }
          group = parts[0];
          name = parts[1];
        } else {
          group = library.path("group").asText(null);
          name = library.path("name").asText(null);
        }
        version = version(library.path("version"), versions);
      }
      if (group != null && name != null && version != null && !group.isBlank() && !name.isBlank()
          && !version.isBlank()) {
        declared.add(new Coordinates(group.trim(), name.trim(), version.trim()));
      }
    }
    return declared;
  }

  /**
   * The version the catalogs give the plugin an alias names ({@code libs.plugins.spring.boot} for the entry
   * {@code spring-boot}, {@code spring_boot} or {@code spring.boot}) when its id is {@code pluginId}.
   */
  static java.util.Optional<String> pluginVersion(Path root, String alias, String pluginId) {
    String prefix = "libs.plugins.";
    if (!alias.startsWith(prefix)) {
      return java.util.Optional.empty();
    }
    String wanted = alias.substring(prefix.length());
    for (Path catalog : files(root)) {
      JsonNode tree;
      try {
        if (!Files.isRegularFile(catalog, LinkOption.NOFOLLOW_LINKS) || Files.size(catalog) > MAX_BYTES) {
          continue;
        }
        tree = TOML.readTree(Files.readString(catalog));
      } catch (IOException | RuntimeException e) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("plugins").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> plugin = it.next();
        if (plugin.getKey().replace('-', '.').replace('_', '.').equals(wanted)
            && pluginId.equals(plugin.getValue().path("id").asText(null))) {
          return java.util.Optional.ofNullable(version(plugin.getValue().path("version"), tree.path("versions")));
        }
      }
    }
    return java.util.Optional.empty();
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
