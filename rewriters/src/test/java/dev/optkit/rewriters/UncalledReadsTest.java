package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.proofs.UncalledBesideHandlersProof;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cache.uncalled-beside-handlers says "no production code in the project calls it and it is no entry point": that must
 * be true of the read it refuses. Reads the application does call, where no Java call site of a method names them, and
 * entry points outside the web's and listeners' lists. (Cases from the hostile review of 2026-11-30 of the commits
 * after 9dc756f1; a method reference, an anonymous class, a subclass and a generic helper were tried too, and are
 * read as calls.)
 */
class UncalledReadsTest extends SpringProjectPlans {
  private static final String NAMES = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import org.springframework.stereotype.Service;

      @Service
      public class Names {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String id) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://n.example.com/" + id)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public String fetchNickname(String id) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://n.example.com/nick/" + id)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;

  /** The controller with its handler calling fetchName, {@code fields} after its field and {@code more} after it. */
  private static String controller(String fields, String more) {
    return """
        package shop;

        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class NameController {
            private final Names names;
        %s
            public NameController(Names names) {
                this.names = names;
            }

            @GetMapping("/names")
            public String name(String id) throws Exception {
                return names.fetchName(id);
            }
        %s
        }
        """.formatted(fields, more);
  }

  /**
   * fetchNickname called from a lambda a production field is initialised with, which a handler applies: the call is in
   * no method's body, and the read is refused as one nothing calls.
   */
  @org.junit.jupiter.api.Test
  void aReadALambdaInAFieldInitializerCallsIsNotRefusedAsUncalled() {
    MigrationFixture project = spring("fieldlambda").java(NAMES).java(controller("""
            private final java.util.function.Function<String, String> nickname = id -> {
                try {
                    return names.fetchNickname(id);
                } catch (Exception e) {
                    return "";
                }
            };
        """, """
            @GetMapping("/nick")
            public String nick(String id) {
                return nickname.apply(id);
            }
        """));
    assertEquals(Optional.empty(), OneProof.refusalId(project, new UncalledBesideHandlersProof(), "shop.Names",
        "fetchNickname"));
  }

  /**
   * fetchNickname called by Spring's expression language, from a security annotation of a handler
   * ({@code @PreAuthorize("@names.fetchNickname(#id) != null")}) or from a Thymeleaf template the handler renders
   * ({@code ${@names.fetchNickname('me')}}): the bean's method is called on every request.
   */
  @ParameterizedTest
  @ValueSource(strings = {"preAuthorize", "thymeleafTemplate"})
  void aReadSpelCallsIsNotRefusedAsUncalled(String from) {
    MigrationFixture project = spring("spel-" + from).java(NAMES);
    if (from.equals("preAuthorize")) {
      project.java(controller("", """
              @GetMapping("/nick")
              @org.springframework.security.access.prepost.PreAuthorize("@names.fetchNickname(#id) != null")
              public String nick(String id) {
                  return id;
              }
          """));
    } else {
      project.java(controller("", """
              @GetMapping("/page")
              public org.springframework.web.servlet.ModelAndView page() {
                  return new org.springframework.web.servlet.ModelAndView("page");
              }
          """)).file("src/main/resources/templates/page.html",
          "<html><body><p th:text=\"${@names.fetchNickname('me')}\">nickname</p></body></html>\n");
    }
    assertEquals(Optional.empty(), OneProof.refusalId(project, new UncalledBesideHandlersProof(), "shop.Names",
        "fetchNickname"), from);
  }

  /**
   * Entry points the framework calls, beside the application's request handlers: an actuator endpoint's
   * {@code @ReadOperation}, a class-level {@code @KafkaListener}'s {@code @KafkaHandler}, a Spring AI {@code @Tool}.
   * The refusal says of each "it is no entry point".
   */
  @ParameterizedTest
  @ValueSource(strings = {"actuatorReadOperation", "kafkaHandler", "springAiTool"})
  void anEntryPointOutsideTheWebAndListenerListsIsNotRefusedAsUncalled(String entry) {
    String bean = switch (entry) {
      case "actuatorReadOperation" -> """
          package shop;

          @org.springframework.boot.actuate.endpoint.annotation.Endpoint(id = "nicknames")
          @org.springframework.stereotype.Component
          public class NicknameEntry {
              private final Names names;

              public NicknameEntry(Names names) {
                  this.names = names;
              }

              @org.springframework.boot.actuate.endpoint.annotation.ReadOperation
              public String nickname(String id) throws Exception {
                  return names.fetchNickname(id);
              }
          }
          """;
      case "kafkaHandler" -> """
          package shop;

          @org.springframework.stereotype.Component
          @org.springframework.kafka.annotation.KafkaListener(topics = "nicknames")
          public class NicknameEntry {
              private final Names names;

              public NicknameEntry(Names names) {
                  this.names = names;
              }

              @org.springframework.kafka.annotation.KafkaHandler
              @org.springframework.messaging.handler.annotation.SendTo("answers")
              public String nickname(String id) throws Exception {
                  return names.fetchNickname(id);
              }
          }
          """;
      default -> """
          package shop;

          @org.springframework.stereotype.Component
          public class NicknameEntry {
              private final Names names;

              public NicknameEntry(Names names) {
                  this.names = names;
              }

              @org.springframework.ai.tool.annotation.Tool(description = "a member's nickname")
              public String nickname(String id) throws Exception {
                  return names.fetchNickname(id);
              }
          }
          """;
    };
    MigrationFixture project = spring("entry-" + entry).java(NAMES).java(controller("", "")).java(bean);
    assertEquals(Optional.empty(), OneProof.refusalId(project, new UncalledBesideHandlersProof(), "shop.NicknameEntry",
        "nickname"), entry);
  }
}
