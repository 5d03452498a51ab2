package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes migrate adds (the switch, the cache configuration) go to their package's folders below the source root
 * the cached file shows. A file whose folders do not name its package (a corpus project keeps its Java files at its
 * root, declaring {@code com.example.demo.model}) shows none: climbing one folder per package name left the project,
 * and the plan wrote {@code ../../../../com/example/...} outside it. Nothing is cached there, and the refusal says why.
 */
class PackageLayoutTest {
  @TempDir Path dir;

  private static final String NAMES = MigrationFixture.NAMES_SERVICE;

  @Test
  void aFileOutsideItsPackagesFoldersGetsNoClassesAddedOutsideTheProject() {
    String pkg = NAMES.lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow();
    MigrationPlan plan = new MigrationFixture(dir.resolve("flat")).file("Names.java",
        NAMES.replace(pkg, "package com.example.demo.model;")).plan();
    assertEquals(List.of(), plan.changes().stream().map(FileChange::path).toList());
    assertTrue(plan.refusals().stream().map(Refusal::proof).anyMatch(Proof.PACKAGE_LAYOUT::equals),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  @Test
  void aFileInItsPackagesFoldersGetsTheClassesBesideIt() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("laid-out")).java(NAMES).plan();
    assertTrue(plan.changes().stream().map(FileChange::path).allMatch(path -> path.startsWith("src/main/java/")
        && !path.contains("..")), plan.changes().stream().map(FileChange::path).toList().toString());
    assertTrue(!plan.targets().isEmpty());
  }
}
