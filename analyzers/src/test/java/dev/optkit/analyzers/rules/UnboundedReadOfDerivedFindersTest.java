package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derived finder is limited only where Spring Data's PartTree reads a limit: {@code First}/{@code Top} right after
 * the verb (or {@code Distinct}). A word of the subject that holds them ({@code Topics}) limits nothing.
 */
class UnboundedReadOfDerivedFindersTest {
  @TempDir Path dir;

  private long unbounded(String finder) {
    return new ProjectFixture(dir.resolve(finder))
        .file("src/main/resources/schema.sql", """
            CREATE TABLE post (id BIGINT PRIMARY KEY, forum_id BIGINT, title VARCHAR(80));
            """)
        .java("""
            package forum;
            import jakarta.persistence.*;
            @Entity
            public class Post {
              @Id Long id;
              Long forumId;
              String title;
            }
            """)
        .java("""
            package forum;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface PostRepository extends JpaRepository<Post, Long> {
              List<Post> %s(Long forumId);
            }
            """.formatted(finder))
        .java("""
            package forum;
            import org.springframework.jdbc.core.JdbcTemplate;
            public class Posts {
              private final PostRepository repository;
              private final JdbcTemplate jdbc;
              public Posts(PostRepository repository, JdbcTemplate jdbc) { this.repository = repository; this.jdbc = jdbc; }
              public Object read(Long forum) { return repository.%s(forum); }
              public void add(long id, long forum) {
                jdbc.update("INSERT INTO post (id, forum_id, title) VALUES (?, ?, 'x')", id, forum);
              }
            }
            """.formatted(finder))
        .java("""
            package forum;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;
            @RestController
            public class PostController {
              private final Posts posts;
              public PostController(Posts posts) { this.posts = posts; }
              @GetMapping("/topics")
              public Object list() { return posts.read(1L); }
              @GetMapping("/add")
              public void add() { posts.add(1L, 1L); }
            }
            """)
        .assess().findings().stream().filter(f -> f.ruleId().equals("UnboundedRead")).count();
  }

  @Test
  void aTopicsWordOfTheSubjectLimitsNothing() {
    // findTopicsByForumId reads every post of the forum, as findByForumId does
    assertEquals(1, unbounded("findByForumId"), "the plain finder, reported");
    assertEquals(1, unbounded("findTopicsByForumId"), "read as LIMIT 1, it is not");
  }
}
