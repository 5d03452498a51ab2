package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Gradle scripts a project's resolution reads. */
class GradleModulesTest {
  @TempDir Path root;

  private void write(String relative, String text) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aSettingsScriptNamesTheProjectsItIncludes() {
    GradleScript.Declared groovy = GradleScript.parse("""
        rootProject.name = "api"
        include "app"
        include 'aws', ':core:web'
        """, Map.of()).orElseThrow();
    assertEquals(List.of("app", "aws", ":core:web"), groovy.includedProjects());
    GradleScript.Declared kotlin = GradleScript.parse("""
        include("app", ":tck")
        includeBuild("build-logic")
        """, Map.of(), true).orElseThrow();
    assertEquals(List.of("app", ":tck"), kotlin.includedProjects());
    assertEquals(List.of("build-logic"), kotlin.includedBuilds());
  }

  /**
   * A repository of several Gradle builds, each a settings script over its projects (a blind trial's nine services,
   * src/api/settings.gradle including app, aws, oci and tck): the included projects' scripts are read however deep;
   * a script no settings script includes, deeper than three folders, is not.
   */
  @Test
  void theProjectsASettingsScriptIncludesAreReadHoweverDeep() throws Exception {
    write("src/api/settings.gradle", "rootProject.name = 'api'\ninclude 'app'\ninclude ':cloud:aws'\n");
    write("src/api/app/build.gradle", "dependencies { implementation 'com.acme:vendor:1.0' }\n");
    write("src/api/cloud/aws/build.gradle.kts", "dependencies { implementation(\"com.acme:wire:1.0\") }\n");
    write("src/api/stray/build.gradle", "dependencies { implementation 'com.acme:stray:1.0' }\n");
    write("src/shallow/build.gradle", "dependencies { implementation 'com.acme:shallow:1.0' }\n");
    assertEquals(List.of("src/api/app/build.gradle", "src/api/cloud/aws/build.gradle.kts", "src/shallow/build.gradle"),
        GradleModules.scripts(root).stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList());
  }

  /**
   * Micronaut's Gradle plugin imports the Micronaut platform at the build's {@code micronautVersion}, kept in the
   * gradle.properties of a build rooted below the scanned folder (the blind trial's services: every versionless
   * dependency was unresolved). Micronaut 4 is {@code micronaut-platform}, 3 {@code micronaut-bom}; a script without
   * the plugin gets neither.
   */
  @Test
  void aMicronautPluginImportsThePlatformAtTheBuildsMicronautVersion() throws Exception {
    write("src/api/settings.gradle", "include 'app'\n");
    write("src/api/gradle.properties", "micronautVersion=3.7.3\n");
    write("src/api/app/build.gradle", "plugins { id('io.micronaut.application') version '3.6.2' }\n");
    Path script = root.resolve("src/api/app/build.gradle");
    Map<String, String> properties = GradleModules.properties(root, script);
    assertEquals("3.7.3", properties.get("micronautVersion"));
    GradleScript.Declared app = GradleScript.read(script, root, properties).declared();
    assertEquals(List.of(new Coordinates("io.micronaut", "micronaut-bom", "3.7.3")),
        GradleModules.boms(root, app, null, properties));
    assertEquals(List.of(new Coordinates("io.micronaut.platform", "micronaut-platform", "4.10.8")),
        GradleModules.boms(root, app, null, Map.of("micronautVersion", "4.10.8")));
    GradleScript.Declared plain = GradleScript.parse("plugins { id 'java' }\n", Map.of()).orElseThrow();
    assertEquals(List.of(), GradleModules.boms(root, plain, null, properties));
  }
}
