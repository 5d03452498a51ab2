package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * An Ant build's modules share their declarations through external entities of their own tree (a trial's Ivy
   * modules each included ../ivy-project-dependencies.xml, and StAX, DTDs off, stopped at the first reference: every
   * module ran without jars). The file an entity names is read where Ivy reads it; near misses, never opened: a URL
   * (an XXE's file:///etc/passwd), a path out of the project's tree, a link.
   */
  @Test
  void anExternalEntityNamingAFileOfTheTreeIsReadWhereTheModuleUsesIt() throws Exception {
    Path module = Files.createDirectories(root.resolve("src/Common"));
    Files.writeString(root.resolve("src/ivy-deps.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <dependency org="com.acme" name="wire" rev="1.0"/>
        <dependency org="com.acme" name="store" rev="latest.integration"/>
        """);
    Path ivy = module.resolve("ivy.xml");
    Files.writeString(ivy, ivyIncluding("../ivy-deps.xml"));
    IvyModules.Module read = IvyModules.read(root, ivy);
    assertEquals(List.of("com.acme:wire:1.0", "org.own:core:2.1"), read.dependencies().stream()
        .map(c -> c.group() + ":" + c.artifact() + ":" + c.version()).toList());
    assertEquals(1, read.unresolvable());

    // a URL, even one naming a file of the tree, is not read: the system id must be a relative path
    Files.writeString(ivy, ivyIncluding("file:" + root.resolve("src/ivy-deps.xml").toAbsolutePath()));
    assertTrue(assertThrows(javax.xml.stream.XMLStreamException.class, () -> IvyModules.read(root, ivy)).getMessage()
        .contains("no relative path"));
    // many references to one file are its text as many times: the module's total is bounded, not each file's
    Files.writeString(root.resolve("src/ivy-deps.xml"), "<dependency org=\"com.acme\" name=\"wire\" rev=\"1.0\"/>\n"
        + " ".repeat(300_000));
    Files.writeString(ivy, ivyIncluding("../ivy-deps.xml").replace("&shared-dependencies;",
        "&shared-dependencies;".repeat(4)));
    assertTrue(assertThrows(javax.xml.stream.XMLStreamException.class, () -> IvyModules.read(root, ivy)).getMessage()
        .contains("over 1 MB in all"));
    Path outside = Files.createTempFile("deps", ".xml");
    try {
      Files.writeString(outside, "<dependency org=\"com.acme\" name=\"wire\" rev=\"1.0\"/>");
      Files.writeString(ivy, ivyIncluding(module.relativize(outside).toString()));
      assertThrows(javax.xml.stream.XMLStreamException.class, () -> IvyModules.read(root, ivy));
      Path link = root.resolve("src/linked.xml");
      Files.createSymbolicLink(link, outside);
      Files.writeString(ivy, ivyIncluding("../linked.xml"));
      assertThrows(javax.xml.stream.XMLStreamException.class, () -> IvyModules.read(root, ivy));
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  private static String ivyIncluding(String systemId) {
    return """
        <?xml version="1.0"?>
        <!DOCTYPE ivy-module [
          <!ENTITY shared-dependencies SYSTEM "%s">
        ]>
        <ivy-module version="2.0">
          <info organisation="shop" module="common"/>
          <dependencies>
            &shared-dependencies;
            <dependency org="org.own" name="core" rev="2.1"/>
          </dependencies>
        </ivy-module>
        """.formatted(systemId);
  }
}
