package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mutable result a request handler wraps for the response body ({@code ResponseEntity.ok(new ApiResponse<>(200,
 * "Success", products))}): the wrapper keeps it in a field only the serialiser reads. ravan-chuang's
 * spring-boot-ecommerce-backend had 11 refusals "keeps it in field data, where anyone (data binding included) may
 * change it later" for this shape (audit 8, #7 and #8), among them the catalogue read its authors' hand list named.
 */
class ResponseWrapperTest {
  @TempDir Path dir;

  private static final String SERVICE = """
      package r;
      import org.springframework.stereotype.Service;
      @Service public class ItemService {
        private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
        public java.util.List<String> names(Long id) {
          return new java.util.ArrayList<>(java.util.List.of(repo.findById(id).orElseThrow().getName()));
        }
        public ItemDto rename(Long id, String n) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); return new ItemDto(i.getName()); }
      }
      """;
  private static final String WRAPPER = """
      package r;
      public class ApiResponse<T> {
        private int status; private String message; private T data;
        public ApiResponse(int status, String message, T data) { this.status = status; this.message = message; this.data = data; }
        public int getStatus() { return status; }
        public String getMessage() { return message; }
        public T getData() { return data; }
      }
      """;
  private static final String CONTROLLER = """
      package r;
      import org.springframework.http.ResponseEntity;
      import org.springframework.web.bind.annotation.*;
      @RestController public class NamesController {
        private final ItemService s; public NamesController(ItemService s){this.s=s;}
        @GetMapping("/names/{id}") public ResponseEntity<ApiResponse<java.util.List<String>>> names(@PathVariable Long id) {
          java.util.List<String> names = s.names(id);
          return ResponseEntity.ok(new ApiResponse<>(200, "Success", names));
        }
        @GetMapping("/plain/{id}") public ApiResponse<java.util.List<String>> plain(@PathVariable Long id) {
          return new ApiResponse<>(200, "Success", s.names(id));
        }
      }
      """;

  private MigrationFixture project() {
    return new MigrationFixture(dir.resolve("p")).resources("/audit8/s1-wrapper")
        .file("src/main/java/r/ItemService.java", SERVICE).file("src/main/java/r/ApiResponse.java", WRAPPER)
        .file("src/main/java/r/NamesController.java", CONTROLLER);
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static String refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("not refused: " + plan.targets()));
  }

  @Test
  void aResultWrappedForTheResponseBodyIsCached() {
    MigrationPlan plan = project().plan();
    assertTrue(cached(plan, "ItemService.names"), plan.refusals().toString());
  }

  @Test
  void aWrapperSomeoneReadsBackAndChangesStillRefuses() {
    // its true twin: project code gets the data back out of a wrapper (a body advice) and changes it
    MigrationPlan plan = project().file("src/main/java/r/Stamp.java", """
        package r;
        @org.springframework.stereotype.Component public class Stamp {
          @SuppressWarnings("unchecked")
          public Object stamp(Object body) { ((ApiResponse<java.util.List<String>>) body).getData().add("stamped"); return body; }
        }
        """).plan();
    assertFalse(cached(plan, "ItemService.names"), plan.targets().toString());
    assertTrue(refusal(plan, "names").contains("keeps it in field data"), refusal(plan, "names"));
  }

  @Test
  void aWrapperWithAMethodBesidesItsGettersStillRefuses() {
    // its true twin: the wrapper's own method may change what it keeps
    MigrationPlan plan = project().file("src/main/java/r/ApiResponse.java", WRAPPER.replace(
        "public T getData() { return data; }",
        "public T getData() { return data; }\n  public void clear() { if (data instanceof java.util.List<?> list) { list.clear(); } }"))
        .plan();
    assertFalse(cached(plan, "ItemService.names"), plan.targets().toString());
  }

  @Test
  void aWrapperPutInAViewModelStillRefuses() {
    // its true twin: a @Controller's model attribute, which views and the data binder reach, is no response body
    MigrationPlan plan = project().file("src/main/java/r/NamesController.java", """
        package r;
        import org.springframework.ui.Model;
        import org.springframework.web.bind.annotation.*;
        @org.springframework.stereotype.Controller public class NamesController {
          private final ItemService s; public NamesController(ItemService s){this.s=s;}
          @GetMapping("/names/{id}") public String names(@PathVariable Long id, Model model) {
            model.addAttribute("names", new ApiResponse<>(200, "Success", s.names(id)));
            return "names";
          }
        }
        """).plan();
    assertFalse(cached(plan, "ItemService.names"), plan.targets().toString());
  }
}
