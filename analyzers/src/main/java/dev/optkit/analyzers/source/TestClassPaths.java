package dev.optkit.analyzers.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;

/**
 * What a Maven build does with its tests' class path beyond the defaults: whether the tests' resources may end up
 * elsewhere or off it, and whether the build starts the application in a process of its own before integration
 * tests. Read over a module's lineage (the module and its local parents).
 */
final class TestClassPaths {
  private TestClassPaths() {}

  /**
   * Whether the build may put the tests' resources elsewhere than Maven's defaults say, or leave them off the tests'
   * class path: a profile changing the build, an execution of the resources plugin (its {@code default-testResources}
   * moved to phase none), or Surefire or Failsafe configured with their own class directories or class path
   * (hostile review 91's A1, A2, A7).
   */
  static boolean mayDiffer(List<Model> lineage) {
    for (Model model : lineage) {
      if (model.getProfiles().stream().anyMatch(profile -> profile.getBuild() != null)) {
        return true;
      }
      for (Plugin plugin : PomPlugins.plugins(model)) {
        if (plugin.getArtifactId().equals("maven-resources-plugin") && !plugin.getExecutions().isEmpty()) {
          return true;
        }
        if (!plugin.getArtifactId().equals("maven-surefire-plugin") && !plugin.getArtifactId().equals("maven-failsafe-plugin")) {
          continue;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        plugin.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
        if (configurations.stream().anyMatch(c -> c != null && (c.toString().contains("classesDirectory")
            || c.toString().contains("ClassesDirectory") || c.toString().toLowerCase(java.util.Locale.ROOT).contains("classpath")))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the build starts the application (or anything) before integration tests: a plugin execution bound to
   * {@code pre-integration-test}, or one with a {@code start} goal ({@code spring-boot-maven-plugin:start}).
   */
  static boolean startsApplication(List<Model> lineage) {
    for (Model model : lineage) {
      for (Plugin plugin : PomPlugins.plugins(model)) {
        for (PluginExecution execution : plugin.getExecutions()) {
          if ("pre-integration-test".equals(execution.getPhase()) || execution.getGoals().contains("start")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
