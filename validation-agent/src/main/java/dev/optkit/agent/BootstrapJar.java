package dev.optkit.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * A jar holding one package of the agent, for the bootstrap class path. The whole agent jar cannot
 * go there: classes of the agent's own package would then load from two class loaders, and
 * package-private access between them fails.
 */
final class BootstrapJar {
  private BootstrapJar() {
  }

  static Path extract(File agentJar, String packagePath) throws IOException {
    Path target = Files.createTempFile("optkit-agent-counters", ".jar");
    target.toFile().deleteOnExit();
    try (JarFile source = new JarFile(agentJar);
         OutputStream file = Files.newOutputStream(target);
         JarOutputStream out = new JarOutputStream(file)) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(packagePath) && !entry.isDirectory()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    return target;
  }
}
