package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 93's repro-6: a service reading through a MyBatis mapper written in Groovy, on a project not built yet, left
 * optkit no read to find, and "Nothing to migrate." was the whole answer. The plan now says which source it could not
 * read; with the mapper in Java there is a read, and no such note.
 */
class UnreadSourcesNoteTest {
  @TempDir Path dir;

  private static final String SERVICE = """
      package demo;
      @org.springframework.stereotype.Service
      public class CatalogService {
          private final CategoryMapper categoryMapper;
          public CatalogService(CategoryMapper categoryMapper) { this.categoryMapper = categoryMapper; }
          public String getCategory(String categoryId) { return categoryMapper.getCategory(categoryId); }
      }
      """;

  @Test
  void nothingFoundBesideAnUnreadSourceSaysSo() {
    MigrationPlan groovy = new MigrationFixture(dir.resolve("groovy")).java(SERVICE)
        .file("src/main/groovy/demo/CategoryMapper.groovy", """
            package demo
            @org.apache.ibatis.annotations.Mapper
            interface CategoryMapper {
                @org.apache.ibatis.annotations.Select('SELECT name FROM category WHERE catid = #{categoryId}')
                String getCategory(String categoryId)
            }
            """).plan();
    assertTrue(groovy.targets().isEmpty() && groovy.notes().stream().anyMatch(note -> note.startsWith(
        "no read was found to cache") && note.contains("CategoryMapper.groovy")), groovy.notes().toString());
    MigrationPlan java = new MigrationFixture(dir.resolve("java")).java(SERVICE).java("""
        package demo;
        @org.apache.ibatis.annotations.Mapper
        public interface CategoryMapper {
            @org.apache.ibatis.annotations.Select("SELECT name FROM category WHERE catid = #{categoryId}")
            String getCategory(String categoryId);
        }
        """).plan();
    assertTrue(java.notes().stream().noneMatch(note -> note.startsWith("no read was found")), java.notes().toString());
  }
}
