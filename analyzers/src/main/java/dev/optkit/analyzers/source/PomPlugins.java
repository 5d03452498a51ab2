package dev.optkit.analyzers.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** What a pom's build plugins say: the compiler's Java level, a plugin's version range, the plugins declared. */
final class PomPlugins {
  private PomPlugins() {}

  /**
   * The Java level at the lower bound of a version range ("[1.8,)", "1.8", "[11,17)") a plugin's
   * configuration (its own or an execution's) holds at {@code path}, in the module or its local parents.
   */
  static Optional<Integer> versionRange(List<Model> lineage, String artifactId, List<String> path, Properties properties) {
    for (Model model : lineage) {
      for (Plugin plugin : plugins(model)) {
        if (!artifactId.equals(plugin.getArtifactId())) {
          continue;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        for (PluginExecution execution : plugin.getExecutions()) {
          configurations.add(execution.getConfiguration());
        }
        for (Object configuration : configurations) {
          Xpp3Dom node = configuration instanceof Xpp3Dom dom ? dom : null;
          for (String child : path) {
            node = node == null ? null : node.getChild(child);
          }
          if (node != null) {
            String range = MavenPom.resolve(node.getValue(), properties);
            // the lower bound is what matters for generated code
            String lower = range == null ? null : range.replaceAll("^[\\[(]", "").split(",")[0].trim();
            Optional<Integer> level = MavenPom.level(lower);
            if (level.isPresent()) {
              return level;
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> compilerSetting(Model model, Properties properties) {
    for (Plugin plugin : plugins(model)) {
      if (!"maven-compiler-plugin".equals(plugin.getArtifactId()) || !(plugin.getConfiguration() instanceof Xpp3Dom dom)) {
        continue;
      }
      for (String setting : List.of("release", "source", "target")) {
        Xpp3Dom child = dom.getChild(setting);
        Optional<Integer> level = child == null ? Optional.empty() : MavenPom.level(MavenPom.resolve(child.getValue(), properties));
        if (level.isPresent()) {
          return level;
        }
      }
    }
    return Optional.empty();
  }

  static List<Plugin> plugins(Model model) {
    List<Plugin> plugins = new ArrayList<>();
    if (model.getBuild() != null) {
      plugins.addAll(model.getBuild().getPlugins());
      if (model.getBuild().getPluginManagement() != null) {
        plugins.addAll(model.getBuild().getPluginManagement().getPlugins());
      }
    }
    return plugins;
  }
}
