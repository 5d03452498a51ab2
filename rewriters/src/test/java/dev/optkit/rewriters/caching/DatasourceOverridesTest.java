package dev.optkit.rewriters.caching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a project may point its applications at one database, read as text. */
class DatasourceOverridesTest {
  @TempDir Path dir;

  private Path write(String path, byte[] bytes) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  @Test
  void aManifestSettingTheDatasourceInAnyCaseOrInUtf16IsAnOverride() throws Exception {
    write("deploy/app.env", "Spring_Datasource_URL=jdbc:postgresql://db/main\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(DatasourceOverrides.anywhere(dir));
    Files.delete(dir.resolve("deploy/app.env"));
    assertFalse(DatasourceOverrides.anywhere(dir));
    // a file Windows tools wrote in UTF-16, its byte order mark first: every ASCII character beside a NUL
    byte[] text = "SPRING_DATASOURCE_URL=jdbc:postgresql://db/main\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] marked = new byte[text.length + 2];
    marked[0] = (byte) 0xFF;
    marked[1] = (byte) 0xFE;
    System.arraycopy(text, 0, marked, 2, text.length);
    write("deploy/values.yaml", marked);
    assertTrue(DatasourceOverrides.anywhere(dir));
  }

  @Test
  void aBinaryFileIsNoDeploymentsSettings() throws Exception {
    // an image or archive whose bytes happen to hold the words: a NUL early on, as git tells binary files
    byte[] image = ("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR spring.datasource.url")
        .getBytes(StandardCharsets.ISO_8859_1);
    write("docs/diagram.png", image);
    assertFalse(DatasourceOverrides.anywhere(dir));
    // near miss: the same words after the first 8,000 bytes of text count
    write("docs/notes.txt", (" ".repeat(9000) + "spring.datasource.url=x").getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(DatasourceOverrides.anywhere(dir));
  }
}
