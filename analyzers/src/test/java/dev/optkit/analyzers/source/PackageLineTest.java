package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's package is read from its head, first a few kilobytes, more only when its first statement is not
 * within them: a long licence, a comment that runs past the first read, or a '/' and '*' split across it change
 * nothing.
 */
class PackageLineTest {
  @TempDir Path dir;

  private String packageOf(String text) throws Exception {
    Path file = dir.resolve("Shop.java");
    Files.writeString(file, text);
    return SourceSet.readPackage(file);
  }

  private static String repeat(String line, int bytes) {
    return line.repeat(bytes / line.length() + 1);
  }

  @Test
  void shortHeadReadsThePackage() throws Exception {
    assertEquals("shop.orders", packageOf("/* licence */\npackage shop.orders;\nclass Shop {}\n"));
    assertEquals("", packageOf("import java.util.List;\nclass Shop {}\n"));
  }

  @Test
  void licenceLongerThanTheFirstReadStillGivesThePackage() throws Exception {
    assertEquals("shop.orders", packageOf("/*\n" + repeat(" * Licensed under the terms.\n", 6000) + " */\n"
        + "package shop.orders;\nclass Shop {}\n"));
    assertEquals("shop.orders", packageOf(repeat("// Licensed under the terms.\n", 6000)
        + "package shop.orders;\nclass Shop {}\n"));
  }

  @Test
  void packageInsideACommentThatRunsPastTheFirstReadIsNoPackage() throws Exception {
    // a block comment opened before the 4 KB mark that closes after it hides the fake line in it
    String comment = "/*\n" + repeat(" * text\n", 4090) + " package fake.one;\n */\n";
    assertEquals("shop.real", packageOf(comment + "package shop.real;\nclass Shop {}\n"));
  }

  @Test
  void commentOpeningSplitAcrossTheFirstReadIsAComment() throws Exception {
    // '/' is the 4,096th byte and '*' the next: the comment starts there, whatever the first read saw
    String filler = " ".repeat(4095);
    assertEquals("shop.real", packageOf(filler + "/* package fake.one; */\npackage shop.real;\nclass Shop {}\n"));
  }

  @Test
  void multiByteCharacterAcrossTheFirstReadIsDecodedWhole() throws Exception {
    // 'é' is two bytes in UTF-8; its first byte is the 4,096th
    String filler = "// " + "x".repeat(4092) + "é\n";
    assertEquals("shop.real", packageOf(filler + "package shop.real;\nclass Shop {}\n"));
  }
}
