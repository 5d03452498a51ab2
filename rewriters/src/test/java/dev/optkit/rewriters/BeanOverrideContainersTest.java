package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot's bean overrides named in their container annotation: {@code @MockBeans({@MockBean(ItemDao.class)})} on
 * the test class puts a Mockito mock in the context in place of the DAO, as {@code @MockBean(ItemDao.class)} does.
 * Trial 96's school project (resources trial96/mocked) cut down to that spelling: each parameterized run stubs
 * another answer and reads it through the cached service. (Review of the change reading mocks from
 * TypeFact.fieldAnnotations / annotationClassLiterals: MockedBeanStubs matches annotation names exactly against
 * MockBean, MockitoBean, SpyBean, MockitoSpyBean, Mock, Spy. The text search it replaced, for "@MockBean" in the file,
 * matched "@MockBeans" too, so this test class (imported, simple spelling) counted as declaring mocks before the change
 * and this test passed at 0fe71b3a; the qualified spelling was missed before and after.)
 */
class BeanOverrideContainersTest {
  @TempDir Path dir;

  private static final String TEST = "src/test/java/demo/ItemServiceMockTest.java";

  /**
   * Attacks: the container annotation. The stub in each run changes what the cached names() answers, as a write
   * would; optkit sees no mock of ItemDao, so the cache stays on in the module's tests and the runs for "b" and "c"
   * read the answer cached for "a" (the 17 failing tests of trial 96, back for this spelling). Expected: the stubbing
   * test method turns the caches off in tests, as for {@code @MockBean(ItemDao.class)} on the class.
   */
  @Test
  void aMockNamedInTheMockBeansContainerIsAWriter() throws Exception {
    String container = resource(TEST).replace("@SpringBootTest\n", "@SpringBootTest\n@MockBeans({@MockBean(ItemDao.class)})\n")
        .replace("import org.springframework.test.context.bean.override.mockito.MockitoBean;",
            "import org.springframework.boot.test.mock.mockito.MockBean;\n"
                + "import org.springframework.boot.test.mock.mockito.MockBeans;")
        .replace("  @MockitoBean ItemDao dao;", "  @Autowired ItemDao dao;");
    assertTrue(container.contains("@MockBeans({@MockBean(ItemDao.class)})") && container.contains("@Autowired ItemDao dao;")
        && container.contains("import org.springframework.boot.test.mock.mockito.MockBeans;"), container);
    MigrationPlan plan = new MigrationFixture(dir.resolve("container")).resources("/trial96/mocked").file(TEST, container)
        .plan();
    assertEquals(List.of("namesComeFromTheDao"), target(plan).offInTests().stream().map(m -> m.fact().name()).toList(),
        "the stub of the mock the container puts in the context changes the cached answer");
  }

  private String resource(String path) throws Exception {
    return new String(getClass().getResourceAsStream("/trial96/mocked/" + path).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static CachingTarget target(MigrationPlan plan) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals("names")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
  }
}
