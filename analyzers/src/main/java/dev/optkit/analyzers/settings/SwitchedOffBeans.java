package dev.optkit.analyzers.settings;

import dev.optkit.analyzers.facts.PropertySwitch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classes that are no Spring bean with the configuration their module ships: a {@link PropertySwitch} none of whose
 * values in the production configuration (by default or in any profile) switches it on, and, where no value is given by
 * default, one that does not match a missing property. A testing-support controller behind
 * {@code @ConditionalOnExpression("${testing-support-endpoints.enabled:false}")}, with
 * {@code enabled: ${TESTING_SUPPORT_ENDPOINTS_ENABLED:false}} in {@code application.yaml}, serves no request until a
 * deployment turns it on. A value optkit cannot resolve (a placeholder without a default, a configuration it does not
 * follow, a deployment or build file naming the key: {@link SpringSettings#setOutside}) may switch it on: such a class
 * is not off. The module's configuration and the repository root's are read, as the application may run from another
 * module than the class's. One instance a run: each key is read once ({@link #off} remembers it).
 */
public final class SwitchedOffBeans {
  private final Path displayRoot;
  private final Map<String, Boolean> off = new java.util.concurrent.ConcurrentHashMap<>();

  public SwitchedOffBeans(Path displayRoot) {
    this.displayRoot = displayRoot;
  }

  /** Whether a class of the source file at the path, switched by these properties, is off as its module ships. */
  public boolean off(List<PropertySwitch> switches, String path) {
    if (switches.isEmpty() || displayRoot == null) {
      return false;
    }
    Path module = moduleRoot(displayRoot, path);
    for (PropertySwitch condition : switches) {
      for (String key : condition.keys()) {
        if (off.computeIfAbsent(module + "\u0000" + key + "\u0000" + condition,
            k -> offAsShipped(module, key, condition))) {
          return true; // every key must match: one that does not leaves the bean out
        }
      }
    }
    return false;
  }

  private boolean offAsShipped(Path module, String key, PropertySwitch condition) {
    // the module's configuration and the repository's (the application's module may be another than the class's); a
    // deployment or build file naming the key (an environment variable in a compose file or a manifest, a -D in a
    // script, a @PropertySource file) may turn it on
    List<String> given = new ArrayList<>();
    boolean anyByDefault = false;
    for (Path root : module.equals(displayRoot) ? List.of(module) : List.of(module, displayRoot)) {
      Optional<SpringSettings.Values> values = SpringSettings.values(root, key);
      if (values.isEmpty() || SpringSettings.setOutside(root, key)) {
        return false;
      }
      given.addAll(values.get().byDefault());
      given.addAll(values.get().inProfiles());
      anyByDefault |= !values.get().byDefault().isEmpty();
    }
    for (String value : given) {
      Optional<String> resolved = resolved(value);
      if (resolved.isEmpty() || condition.matches(resolved.get())) {
        return false;
      }
    }
    return !(!anyByDefault && condition.matchIfMissing());
  }

  /**
   * A configuration value as it is when the environment sets nothing: itself, or the default of a placeholder that is
   * the whole value ({@code ${TESTING_SUPPORT_ENDPOINTS_ENABLED:false}}); empty for any other placeholder.
   */
  static Optional<String> resolved(String value) {
    String text = value.strip();
    if (!text.contains("${")) {
      return Optional.of(text);
    }
    return PropertySwitch.Placeholder.of(text).map(PropertySwitch.Placeholder::fallback);
  }

  /** The module a source path is in: the folder above its {@code src/main/java}, or the display root. */
  public static Path moduleRoot(Path displayRoot, String path) {
    int source = path.indexOf("src/main/java/");
    return source <= 0 ? displayRoot : displayRoot.resolve(path.substring(0, source)).normalize();
  }
}
