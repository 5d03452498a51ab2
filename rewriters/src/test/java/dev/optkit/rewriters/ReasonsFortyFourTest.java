package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** False reasons found by trial 42 (2026-11-26), reduced to {@code src/test/resources/reasons44/}. */
class ReasonsFortyFourTest {
  @TempDir Path dir;

  /**
   * Trial 42's F4 (Shopping-Store's CartController): {@code new ProductInOrder(productInfo, 1)} copies the product's
   * id and name into String fields and keeps no reference to it, so the cart service setting the order line's cart
   * changes no ProductInfo; findOne was refused as if it did. The twins keep the ProductInfo itself, or its list of
   * tags, and stay refused.
   */
  @Test
  void aConstructorCopyingValuesOutOfTheResultHoldsNoneOfIt() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("copy")).resources("/reasons44/copyctor").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")
        && t.toString().contains("name=decreaseStock")), plan.targets() + " " + plan.refusals());
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("item.setCart")), plan.refusals().toString());

    // Shopping-Store's own ProductInOrder is @Data @NoArgsConstructor: Lombok writes no constructor of two arguments
    MigrationPlan lombok = new MigrationFixture(dir.resolve("copydata")).resources("/reasons44/copyctor")
        .resources("/reasons44/copyctordata").plan();
    assertTrue(lombok.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")),
        lombok.targets() + " " + lombok.refusals());

    for (String twin : new String[] {"copyctorkeeps", "copyctorpart"}) {
      MigrationPlan keeps = new MigrationFixture(dir.resolve(twin)).resources("/reasons44/copyctor")
          .resources("/reasons44/" + twin).plan();
      assertTrue(keeps.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")
          && r.reason().contains("CartController.add() passes the result it gets to CartController.mergeCart()")
          && r.reason().contains("which changes it (item.setCart)")), twin + ": " + keeps.refusals());
    }
  }

  /**
   * Trial 42's F5 (spring-boot-blog-app's NoteReadDto): a record whose only method reads a component ({@code
   * getFileSize()}) runs no code that changes what it keeps, so handing it values read from the notes is no change of
   * them; the repository read was refused as if its code might. The twin's record empties the note's own list of
   * attachments, which its mapper hands it, and stays refused.
   */
  @Test
  void aRecordWhoseMethodsOnlyReadChangesNothingItKeeps() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("record")).resources("/reasons44/recordreads").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
        .equals("NoteRepository.findByTitleContaining") && t.toString().contains("name=rename")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("recordtwin")).resources("/reasons44/recordreads")
        .resources("/reasons44/recordchanges").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByTitleContaining")
        && r.reason().contains("the record NoteReadDto's constructor, which keeps it in a component its own code may "
            + "change")), twin.refusals().toString());
  }

  /**
   * Trial 42's F6 (jhipster-sample-app-dto's UserService.getAuthorities): Authority maps its fields (@Id on one), and
   * the {@code @Transient} on its {@code isNew()} was read as property access, a mapping optkit cannot see, so every
   * write of the project counted as a writer; and the remember-me filter's changes of the token its helper returns
   * were counted as changes of whatever the helper's {@code deleteById} loaded (token, user, authorities). Both
   * false: cached. The twin maps its getters (@Id on getName()) and stays refused, saying the filter's superclass is
   * library code optkit does not read (not "keeps code in a field").
   */
  @Test
  void aTransientGetterOfAFieldMappedEntityIsNoPropertyAccess() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("authority")).resources("/reasons44/authority").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("AuthorityService.getAuthorities")
        && t.toString().contains("name=create") && !t.toString().contains("TokenFilter")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("authoritytwin")).resources("/reasons44/authority")
        .resources("/reasons44/authorityproperty").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAuthorities")
        && r.reason().contains("it reads tables optkit cannot tell")
        && r.reason().contains("its class extends GenericFilterBean, library code optkit does not read")),
        twin.refusals().toString());
  }

  /**
   * Trial 42's F7 (Spring-Boot-Blog-REST-API's getAllPhotos and three more): {@code
   * AppUtils.validatePageNumberAndSize(page, size)} throws when {@code size > AppConstants.MAX_PAGE_SIZE} (30), so
   * an entry holds at most 30 photos and the entry bound is a memory bound; the read was refused as if one entry
   * could weigh any size. The twin's helper only warns, and the refusal stays.
   */
  @Test
  void aSizeCheckedAgainstAConstantBeforeTheQueryBoundsEachEntry() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("pagesize")).resources("/reasons44/pagesize").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")
        && t.toString().contains("name=rename")), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("pagesizelog")).resources("/reasons44/pagesize")
        .resources("/reasons44/pagesizelog").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAllPhotos")
        && r.reason().contains("its key holds a size the caller chooses ('size')")), twin.refusals().toString());
  }

  /**
   * Probe 44 (gtiwari333/spring-boot-blog-app): the generated configuration went to the application's root package,
   * and the project's own architecture test, which wants configuration classes in {@code gt.app.config}, failed. It
   * now goes beside the project's @Configuration classes; without any, to the scanned package as before.
   */
  @Test
  void theGeneratedConfigurationGoesBesideTheProjectsOwn() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("configpackage")).resources("/reasons44/pagesize")
        .resources("/reasons44/configpackage").plan();
    assertTrue(plan.changes().stream().anyMatch(c -> c.path().toString().replace('\\', '/')
        .endsWith("src/main/java/blog/config/OptkitCacheConfig.java")), plan.changes().toString());

    MigrationPlan plain = new MigrationFixture(dir.resolve("plainpackage")).resources("/reasons44/pagesize").plan();
    assertTrue(plain.changes().stream().anyMatch(c -> c.path().toString().replace('\\', '/')
        .endsWith("src/main/java/blog/OptkitCacheConfig.java")), plain.changes().toString());
  }

  /**
   * Probe 44 (gtiwari333/spring-boot-blog-app): a Spock spec optkit cannot read blocked every cache, though it tests
   * {@code Math.max} only: a test source that names none of the project's types and no way to its beans (an
   * application context, injection, a bean lookup) cannot reach its code. The twin's spec makes the service, and
   * still blocks.
   */
  @Test
  void anUnreadTestSpecThatCannotReachTheProjectBlocksNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("groovymath")).resources("/reasons44/pagesize")
        .resources("/reasons44/groovymath").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("groovyreach")).resources("/reasons44/pagesize")
        .resources("/reasons44/groovyreach").plan();
    assertTrue(twin.targets().isEmpty(), twin.targets().toString());
    assertTrue(twin.refusals().stream().anyMatch(r -> r.reason().contains("DataDrivenSpec.groovy is not analysed")),
        twin.refusals().toString());

    // the assessment names the first of several Groovy sources only: the second one, loading the application, blocks
    MigrationPlan second = new MigrationFixture(dir.resolve("groovysecond")).resources("/reasons44/pagesize")
        .resources("/reasons44/groovymath").resources("/reasons44/groovysecond").plan();
    assertTrue(second.targets().isEmpty(), second.targets().toString());
    assertTrue(second.refusals().stream().anyMatch(r -> r.reason().contains("ZContextSpec.groovy is not analysed")),
        second.refusals().toString());
  }

  /**
   * spring-petclinic-rest: a read whose loads reach tables optkit cannot tell (an entity with a {@code @Formula})
   * was refused under open-session-in-view as if a JDBC query beside it in the request ({@code
   * JdbcOwnerRepositoryImpl.findAll()} there, {@code VisitCounter.visits()} here) loaded its entities into the
   * persistence context: JDBC keeps no instances, whatever the read's tables are.
   */
  @Test
  void aJdbcQueryBesideAReadPutsNoInstanceInTheRequestsContext() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("osivjdbc")).resources("/reasons44/osivjdbc").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("VisitCounter.visits(), which loads them")),
        plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ItemService.activeNames")),
        plan.targets() + " " + plan.refusals());
  }

  /**
   * Trial 46: two runs on one tree named a different "other load" in the open-session-in-view reason, since the
   * request's methods were a hash set whose order differs from run to run. The reason names the first in the source's
   * order: of AuditService and ZoningService, both loading the items beside the read, AuditService.
   */
  @Test
  void theOtherLoadNamedIsTheFirstInTheSourcesOrder() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("osivtwo")).resources("/reasons44/osivtwo").plan();
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("activeNames")
        && r.reason().contains("also runs AuditService.touch(), which loads them too")), plan.refusals().toString());
  }
}
