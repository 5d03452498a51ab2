package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to assess is a clear usage error or a scan that goes on, never an internal error or a silent empty scan. */
class HostileInputTest {
  @TempDir Path dir;

  private Path project() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project/src/main/java/shop"));
    Files.writeString(project.resolve("Names.java"), """
        package shop;

        import java.sql.Connection;
        import java.sql.ResultSet;
        import javax.sql.DataSource;

        public class Names {
            private final DataSource dataSource;

            public Names(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public String name(long id) throws Exception {
                try (Connection c = dataSource.getConnection();
                     ResultSet rs = c.createStatement().executeQuery("SELECT name FROM people WHERE id = " + id)) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }
        """);
    return dir.resolve("project");
  }

  @Test
  void aRootGivenAsASymbolicLinkIsScanned() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link"), project());
    CliRun run = CliRun.of("assess", link.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("1 files"), run.out());
    assertTrue(run.out().contains("Names.name"), run.out());
  }

  @Test
  void anInvalidGlobIsAUsageErrorNamingIt() throws Exception {
    CliRun run = CliRun.of("assess", project().toString(), "--exclude", "src/[main");
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("invalid glob 'src/[main'"), run.err());
  }

  @Test
  void anUnreadableRootIsAUsageError() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root reads every folder: nothing to refuse");
    Path project = project();
    Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("---------"));
    try {
      CliRun run = CliRun.of("assess", project.toString());
      assertEquals(2, run.exitCode(), run.out() + run.err());
      assertTrue(run.err().contains("cannot read " + project), run.err());
    } finally {
      Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void unicodeEscapesOutsideLiteralsParse() throws Exception {
    Path project = project();
    Path file = project.resolve("src/main/java/shop/Names.java");
    // \\u0065 is 'e': "nam\\u0065" declares name; javac accepts any number of u's
    Files.writeString(file, Files.readString(file).replace("public String name(", "public String nam\\uuuu0065("));
    CliRun run = CliRun.of("assess", project.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("1 files") && !run.out().contains("not parsed"), run.out());
    assertTrue(run.out().contains("Names.name"), run.out());
  }

  @Test
  void aFileOverTheSizeBudgetIsAWarningNamingItAndTheScanGoesOn() throws Exception {
    Path project = project();
    Files.writeString(project.resolve(".optkit.yml"), "analysis:\n  maxFileKilobytes: 64\n");
    StringBuilder generated = new StringBuilder("package shop;\n\npublic class Generated {\n");
    for (int i = 0; i < 5000; i++) {
        generated.append("    public int field").append(i).append(" = ").append(i).append(";\n");
    }
    Files.writeString(project.resolve("src/main/java/shop/Generated.java"), generated.append("}\n"));
    CliRun run = CliRun.of("assess", project.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    String all = run.out() + run.err();
    assertTrue(all.contains("Generated.java") && all.contains("over the 64 KB budget for one file"), all);
    assertTrue(run.out().contains("Names.name"), run.out());
  }
}
