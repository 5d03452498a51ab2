package dev.optkit.validation.run;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Where optkit's harness (HostMain, the JMH benchmark and their libraries) and the call-counting
 * agent are, found from the classes themselves: one optkit.jar when run from the distribution,
 * module jars or class folders in a build.
 */
public final class HarnessClasspath {
  private static final List<String> MARKERS = List.of("dev.optkit.validation.harness.HostMain",
      "org.openjdk.jmh.runner.Runner", "joptsimple.OptionParser", "org.apache.commons.math3.stat.StatUtils",
      "org.HdrHistogram.Histogram", "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.annotation.JsonProperty",
      "com.fasterxml.jackson.dataformat.yaml.YAMLFactory", "org.yaml.snakeyaml.Yaml");

  private HarnessClasspath() {
  }

  public static List<Path> entries() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String marker : MARKERS) {
      locationOf(marker).ifPresent(entries::add);
    }
    return List.copyOf(entries);
  }

  /** The jar holding the agent, usable with -javaagent (it declares a Premain-Class), if there is one. */
  public static Optional<Path> agentJar() {
    Optional<Path> location = locationOf("dev.optkit.agent.CallCountingAgent");
    if (location.isEmpty() || !location.get().toString().endsWith(".jar")) {
      return Optional.empty();
    }
    try (JarFile jar = new JarFile(location.get().toFile())) {
      return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Premain-Class") != null
          ? location : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> locationOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, HarnessClasspath.class.getClassLoader());
      var source = type.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(new File(source.getLocation().toURI()).toPath());
    } catch (ClassNotFoundException | URISyntaxException | LinkageError e) {
      return Optional.empty();
    }
  }
}
