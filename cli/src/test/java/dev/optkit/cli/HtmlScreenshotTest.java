package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of a sample in headless Chromium and screenshots it. .ci/run installs
 * Debian's chromium and then requires the test to run (OPTKIT_REQUIRE_CHROMIUM); elsewhere it is
 * skipped when chromium is missing.
 * The screenshot is kept at cli/target/html-report.png for people to look at.
 */
class HtmlScreenshotTest {
  @TempDir Path dir;

  @Test
  void reportRendersInHeadlessChromium() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (System.getenv("OPTKIT_REQUIRE_CHROMIUM") == null) {
      Assumptions.assumeTrue(Files.isExecutable(chromium), "chromium not installed");
    }
    Path html = dir.resolve("report.html");
    CliRun run = CliRun.of("assess", CliRun.repoRoot().resolve("samples/plain-java-service").toString(),
        "--format", "html", "--output", html.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    Path screenshot = CliRun.repoRoot().resolve("cli/target/html-report.png");
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);
    Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
        "--window-size=1280,1600", "--screenshot=" + screenshot, html.toUri().toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertTrue(Files.size(screenshot) > 10_000, "no screenshot: " + output);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertEquals(1280, image.getWidth());
    assertTrue(distinctColours(image) > 20, "the page rendered content, not a blank screen");
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
