package dev.optkit.analyzers.parse;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientSignature;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Whether a qualified name is a type of the project, of the catalogue, or of the JDK. Thread-safe. */
final class KnownTypes implements Predicate<String> {
  private final Map<String, Path> projectTypes;
  private final Set<String> catalogueTypes = new HashSet<>();
  private final Map<String, Boolean> jdkTypes = new ConcurrentHashMap<>();

  KnownTypes(Map<String, Path> projectTypes, ClientCatalog catalog) {
    this.projectTypes = projectTypes;
    for (ClientSignature client : catalog.clients()) {
      catalogueTypes.addAll(client.types());
    }
    catalog.declaredClients().forEach(d -> {
      catalogueTypes.addAll(d.superTypes());
      catalogueTypes.addAll(d.typeAnnotations());
      catalogueTypes.addAll(d.methodAnnotations());
    });
  }

  @Override
  public boolean test(String qualifiedName) {
    if (projectTypes.containsKey(qualifiedName) || catalogueTypes.contains(qualifiedName)) {
      return true;
    }
    if (!qualifiedName.startsWith("java.") && !qualifiedName.startsWith("javax.")) {
      return false;
    }
    return jdkTypes.computeIfAbsent(qualifiedName,
        name -> ClassLoader.getPlatformClassLoader().getResource(name.replace('.', '/') + ".class") != null);
  }
}
