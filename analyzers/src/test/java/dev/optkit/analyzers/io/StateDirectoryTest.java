package dev.optkit.analyzers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  @TempDir Path dir;

  @Test
  void writesAndReadsBelowTheProjectAndKeepsItselfOutOfGit() throws Exception {
    StateDirectory state = StateDirectory.ofProject(dir);
    Path file = state.resolve("migrations", "m1/state");
    state.write(file, "APPLIED\n".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("APPLIED\n".getBytes(StandardCharsets.UTF_8), state.read(file, 64).orElseThrow());
    assertTrue(Files.readString(dir.resolve(".optkit/.gitignore")).contains("*"));
    assertEquals(Optional.empty(), state.read(state.resolve("migrations/m2/state"), 64));
  }

  @Test
  void pathsThatLeaveTheStateDirectoryAreRefused() throws Exception {
    StateDirectory state = StateDirectory.ofProject(dir);
    for (String bad : new String[] {"..", "a/../../x", "", "a//b", ".", "a\\b"}) {
      assertThrows(StateFileException.class, () -> state.resolve("migrations", bad), bad);
    }
  }

  @Test
  void linksAnywhereOnTheWayAreRefusedByNameAndNeverFollowed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "token=hunter2\n");
    Path project = Files.createDirectories(dir.resolve("project"));
    StateDirectory state = StateDirectory.ofProject(project);
    Files.createDirectories(project.resolve(".optkit/cache"));
    Files.createSymbolicLink(project.resolve(".optkit/cache/x"), outside.resolve("secret"));
    StateFileException read = assertThrows(StateFileException.class, () -> state.read(state.resolve("cache/x"), 1 << 20));
    assertEquals(".optkit/cache/x", read.getFile());
    assertFalse(read.getMessage().contains("hunter2"));
    assertThrows(StateFileException.class, () -> state.write(state.resolve("cache/x"), new byte[] {1}));
    assertEquals("token=hunter2\n", Files.readString(outside.resolve("secret")));

    Files.delete(project.resolve(".optkit/cache/x"));
    Files.delete(project.resolve(".optkit/cache"));
    Files.createSymbolicLink(project.resolve(".optkit/cache"), outside);
    assertThrows(StateFileException.class, () -> state.write(state.resolve("cache/new"), new byte[] {1}));
    assertFalse(Files.exists(outside.resolve("new")));
    assertThrows(StateFileException.class, () -> state.isFile(state.resolve("cache/secret")));
  }

  @Test
  void aFileLargerThanItsBoundIsRefusedUnread() throws Exception {
    StateDirectory state = StateDirectory.ofProject(dir);
    Path file = state.resolve("state");
    state.write(file, new byte[100]);
    StateFileException tooBig = assertThrows(StateFileException.class, () -> state.read(file, 64));
    assertTrue(tooBig.getMessage().contains("100 bytes, at most 64"), tooBig.getMessage());
  }

  @Test
  void quarantineMovesALinkAsALink() throws Exception {
    StateDirectory state = StateDirectory.ofProject(dir);
    Path migrations = state.createDirectories(state.resolve("migrations"));
    Files.createSymbolicLink(migrations.resolve("m1"), Path.of("/proc/self/environ"));
    Path aside = state.quarantine(migrations.resolve("m1"));
    assertTrue(Files.isSymbolicLink(aside));
    assertEquals(".optkit/quarantine/m1-1", state.shown(aside));
    assertFalse(Files.exists(migrations.resolve("m1"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aScanKeepsItsStateInItsProjectNeverBesideAFileOrInASystemFolder() throws Exception {
    Path project = Files.createDirectories(dir.resolve("p/src/main/java"));
    Files.writeString(dir.resolve("p/pom.xml"), "<project/>");
    assertEquals(Optional.of(dir.resolve("p")), StateDirectory.projectOf(project));
    Path lone = Files.createDirectories(dir.resolve("lone"));
    Files.writeString(lone.resolve("A.java"), "class A {}");
    assertEquals(Optional.empty(), StateDirectory.projectOf(lone.resolve("A.java")));
    assertEquals(Optional.of(lone), StateDirectory.projectOf(lone));
    assertEquals(Optional.empty(), StateDirectory.projectOf(Path.of("/dev/null")));
    assertEquals(Optional.empty(), StateDirectory.projectOf(Path.of("/")));
    assertEquals(Optional.empty(), StateDirectory.projectOf(Path.of("/proc")));
  }

  @Test
  void aSealedFileOpensOnlyUnchangedAndUnderItsKey() {
    byte[] sealed = StateSeal.seal("key-1", "answer".getBytes(StandardCharsets.UTF_8));
    assertEquals("answer", new String(StateSeal.open("key-1", sealed).orElseThrow(), StandardCharsets.UTF_8));
    assertTrue(StateSeal.open("key-2", sealed).isEmpty(), "another key");
    byte[] flipped = sealed.clone();
    flipped[flipped.length - 1] ^= 1;
    assertTrue(StateSeal.open("key-1", flipped).isEmpty(), "a changed byte");
    assertTrue(StateSeal.open("key-1", "answer".getBytes(StandardCharsets.UTF_8)).isEmpty(), "no seal");
  }

  @Test
  void theUsersSecretIsCreatedOwnerOnlyAndReadBack() throws Exception {
    Path key = dir.resolve("config/optkit/state-key");
    byte[] first = StateSeal.loadOrCreate(key);
    assertEquals(32, first.length);
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertArrayEquals(first, StateSeal.loadOrCreate(key));
    Files.delete(key);
    Files.createSymbolicLink(key, dir.resolve("elsewhere"));
    byte[] ownOnly = StateSeal.loadOrCreate(key);
    assertFalse(java.util.Arrays.equals(first, ownOnly));
    assertFalse(Files.exists(dir.resolve("elsewhere")), "a link in its place is never written through");
  }

  @Test
  void aHomeThatIsNotAnAbsolutePathKeepsNoSecret() {
    String home = System.getProperty("user.home");
    try {
      System.setProperty("user.home", "?"); // JDK 17 for a user without a passwd entry (docker run -u 1001)
      org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("XDG_CONFIG_HOME") == null);
      assertEquals(null, StateSeal.keyFile(), "never a key relative to the scanned project");
      assertEquals(32, StateSeal.loadOrCreate(StateSeal.keyFile()).length, "a secret of this run's own");
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @Test
  void aKeyCutShortIsMadeAgain() throws Exception {
    Path key = dir.resolve("config/optkit/state-key");
    Files.createDirectories(key.getParent());
    Files.write(key, new byte[0]);
    byte[] made = StateSeal.loadOrCreate(key);
    assertEquals(32, Files.size(key));
    assertArrayEquals(made, StateSeal.loadOrCreate(key));
  }
}
