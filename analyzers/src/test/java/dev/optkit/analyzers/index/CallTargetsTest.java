package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.facts.CallRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which project methods a call whose receiver's type the extractor could not name may run. */
class CallTargetsTest {
  @TempDir Path dir;

  private ProjectIndex index(String testMethodAnnotation) throws Exception {
    Path main = dir.resolve("src/main/java/shop/Names.java");
    Files.createDirectories(main.getParent());
    Files.writeString(main, """
        package shop;

        public class Names extends com.missing.Base {
            public Object idOf(String key) {
                return row.getId(); // a field of a superclass optkit cannot read
            }
        }
        """);
    Path test = dir.resolve("src/test/java/shop/NamesTest.java");
    Files.createDirectories(test.getParent());
    Files.writeString(test, """
        package shop;

        class NamesTest {
            %s
            void getId() {
            }
        }
        """.formatted(testMethodAnnotation));
    return new Assessor().assess(new Assessor.Options(List.of(dir), List.of(), true, List.of(), false, 1, true,
        OptkitConfig.defaults(), "test", null), Assessor.Progress.NONE).index();
  }

  private static CallRef getIdCall(ProjectIndex index) {
    return index.methods("shop.Names", "idOf").get(0).fact().calls().stream()
        .filter(c -> c.name().equals("getId")).findFirst().orElseThrow();
  }

  /**
   * A test framework runs its test methods; code never calls them: an unknown receiver's getId() is not a @Test named
   * getId (a trial on springframeworkguru's recipe app resolved an entity's Lombok getter to CategoryTest.getId()).
   */
  @Test
  void aMethodATestFrameworkRunsIsNoTargetOfACallOnAnUnknownReceiver() throws Exception {
    ProjectIndex tested = index("@org.junit.jupiter.api.Test");
    CallRef call = getIdCall(tested);
    assertEquals(null, call.receiverType(), call.toString());
    assertTrue(tested.targetsOf(call).isEmpty(), tested.targetsOf(call).toString());
    // the twin: a plain helper of that name, the one project method so named, may be what runs
    ProjectIndex helper = index("");
    assertEquals(List.of("getId"), helper.targetsOf(getIdCall(helper)).stream().map(m -> m.fact().name()).toList());
  }
}
