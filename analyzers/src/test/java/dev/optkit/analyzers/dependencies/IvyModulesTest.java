package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Ivy module's coordinates reach Maven Resolver only as path segments a repository can hold. */
class IvyModulesTest {
  @TempDir Path root;

  /**
   * A name or revision of dots, a backslash, a query or fragment character is no Maven coordinate: as path segments of
   * the local repository ({g}/{a}/{v}/{a}-{v}.jar) "..".."" climb out of it, "\" does on Windows, "?" and "#" cut the
   * remote URL.
   */
  @Test
  void coordinatesThatAreNotPathSegmentsAreNotResolved() throws Exception {
    Path ivy = root.resolve("ivy.xml");
    Files.writeString(ivy, """
        <ivy-module version="2.0">
          <info organisation="shop" module="shop"/>
          <dependencies>
            <dependency org="com.acme" name=".." rev=".."/>
            <dependency org="com.acme" name="wire" rev="..\\..\\..\\x"/>
            <dependency org="com.acme" name="wire" rev="1.0?evil=1"/>
            <dependency org="com.acme" name="wire#x" rev="1.0"/>
            <dependency org="com.acme" name="wire" rev="1.0"/>
          </dependencies>
        </ivy-module>
        """);
    IvyModules.Module module = IvyModules.read(ivy);
    assertEquals(List.of("com.acme:wire:1.0"), module.dependencies().stream()
        .map(c -> c.group() + ":" + c.artifact() + ":" + c.version()).toList());
    assertEquals(4, module.unresolvable());
  }
}
