package dev.optkit.rewriters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A class outside the application that an entry planted in Redis names, as an attacker who can write to the Redis
 * would name a gadget (CWE-502): its static initializer and its setter each leave a system property behind, so a test
 * can tell whether the generated cache loaded or built it. It is compiled beside the migrated classes, on their class
 * loader, and outside every package of the project's sources.
 */
final class Gadget {
  private Gadget() {}

  static final String CLASS_NAME = "elsewhere.Gadget";
  static final String LOADED = "optkit.test.gadget.loaded";
  static final String BUILT = "optkit.test.gadget.built";

  private static final String SOURCE = """
      package elsewhere;

      public class Gadget {
          static {
              System.setProperty("%s", "yes");
          }

          public Gadget() {
          }

          public Gadget(String key) {
              System.setProperty("%s", key);
          }

          public void setCommand(String command) {
              System.setProperty("%s", command);
          }
      }
      """.formatted(LOADED, BUILT, BUILT);

  /** Compiles the gadget into {@code classes}, and clears what an earlier test's gadget left. */
  static void compileInto(Path classes) throws IOException {
    System.clearProperty(LOADED);
    System.clearProperty(BUILT);
    Path source = Files.createTempDirectory("gadget").resolve("Gadget.java");
    Files.writeString(source, SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.toString(), source.toString());
    if (status != 0) {
      throw new AssertionError("the gadget did not compile");
    }
  }

  /** The JSON of a value naming the gadget, as Jackson's default typing writes a class: what an attacker stores. */
  static String json() {
    return "{\"@class\":\"" + CLASS_NAME + "\",\"command\":\"ran\"}";
  }

  /**
   * Entries naming the gadget where Jackson reads a type id: the whole value, an element of a list, and inside a
   * generic id, whose classes Jackson loaded without asking the validator (a map's key class is built from its text).
   */
  static List<String> plantedValues() {
    return List.of(json(), "[\"java.util.ArrayList\",[" + json() + "]]",
        "{\"@class\":\"java.util.HashMap<" + CLASS_NAME + ",java.lang.String>\",\"key\":\"value\"}",
        "[\"java.util.ArrayList<" + CLASS_NAME + ">\",[]]",
        "[\"java.util.EnumSet<" + CLASS_NAME + ">\",[]]");
  }

  /**
   * A class of the application, never cached, whose property carries Jackson's own class ids: a planted entry naming it
   * had the property's ids resolved by Jackson alone, past every check (a hostile review's F1).
   */
  static final String EVENT = """
      package shop;

      import com.fasterxml.jackson.annotation.JsonTypeInfo;

      public class Event {
          public String kind;
          @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
          public Object payload;

          /** Keys naming classes: they carry no type id, and Jackson's own key reader loads the class. */
          public static class Registry {
              public java.util.Map<Class<?>, String> byClass;
          }
      }
      """;

  /** Entries naming the gadget inside {@link #EVENT}'s property, plainly and in a generic id. */
  static List<String> plantedThroughTheApplication() {
    return List.of("{\"@class\":\"shop.Event\",\"kind\":\"x\",\"payload\":" + json() + "}",
        "{\"@class\":\"shop.Event\",\"kind\":\"x\",\"payload\":{\"@class\":\"java.util.HashMap<" + CLASS_NAME
            + ",java.lang.String>\",\"key\":\"value\"}}",
        "{\"@class\":\"shop.Event$Registry\",\"byClass\":{\"@class\":\"java.util.HashMap\",\"" + CLASS_NAME
            + "\":\"x\"}}");
  }

  /**
   * Entries that fail the reader rather than load a class: nested past any thread's stack (a StackOverflowError escaped
   * as the caller's), and larger than a cache keeps (a planted 40 MB array filled the heap). Each must be a miss.
   */
  static List<String> plantedToBreakTheReader() {
    String open = "{\"@class\":\"java.util.Collections$UnmodifiableMap\",\"a\":";
    StringBuilder huge = new StringBuilder("[\"[J\",[0");
    while (huge.length() < 9 * 1024 * 1024) {
      huge.append(",0");
    }
    return List.of(open.repeat(995) + "1" + "}".repeat(995), huge.append("]]").toString());
  }

  /** What the gadget left: empty when it was neither loaded nor built. */
  static List<String> traces() {
    return java.util.stream.Stream.of(LOADED, BUILT).filter(p -> System.getProperty(p) != null).toList();
  }
}
