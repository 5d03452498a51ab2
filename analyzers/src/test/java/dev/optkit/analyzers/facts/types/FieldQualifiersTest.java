package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldQualifiersTest {
  private static Map<String, String> of(String source) {
    return FieldQualifiers.of((TypeDeclaration<?>) StaticJavaParser.parse(source).getType(0));
  }

  @Test
  void fieldsWiredByNameAreTold() {
    assertEquals(Map.of("films", "filmDbStorage", "users", "userDbStorage", "likes", "likeStore"), of("""
        class FilmService {
            @Autowired @Qualifier("filmDbStorage") FilmStorage films;
            @Resource(name = "likeStore") LikeStore likes;
            private final UserStorage users;

            FilmService(@Qualifier("userDbStorage") UserStorage users) {
                this.users = users;
            }
        }
        """));
  }

  @Test
  void fieldsSpringWouldNotWireByThatNameAreNot() {
    // Lombok's constructor does not carry a field's @Qualifier unless lombok.config copies it; a setter may rewire
    assertEquals(Map.of(), of("""
        @RequiredArgsConstructor
        class FilmService {
            @Qualifier("filmDbStorage") private final FilmStorage films;
            private UserStorage users;

            FilmService(@Qualifier("userDbStorage") UserStorage users) {
                this.users = users;
            }

            void setUsers(UserStorage other) {
                users = other;
            }
        }
        """));
  }
}
