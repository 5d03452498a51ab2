package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * An unbuilt MapStruct mapper is code the build makes: the reason asks for the build. Cases from the sixth audit of
 * optkit's refusal reasons (30 refusals on five projects no audit had read, 2026-11-25; each case's comment names
 * its project), each beside a true twin.
 */
class UnbuiltMapStructMappersTest extends SpringProjectPlans {
  // ---- an unbuilt MapStruct mapper is code the build makes (Hyacintholuscus explore-with-me, unbuilt)

  private MigrationPlan categories(String name, String mapperAnnotation) {
    return spring(name)
        .java("""
            package shop;

            %s
            public interface CategoryMapper {
                String toDto(String name);
            }
            """.formatted(mapperAnnotation))
        .java(MigrationSafetyTest.bean("Categories", "Service", "import org.springframework.stereotype.Service;", """
                private final CategoryMapper mapper = null;

                public String category(long id) {
                    return mapper.toDto(jdbc.queryForObject("SELECT name FROM category WHERE id = ?", String.class, id));
                }
            """))
        .plan();
  }

  @Test
  void anUnbuiltMapStructMapperAsksForTheBuild() {
    String why = refusalStartingWith(categories("mapstruct", "@org.mapstruct.Mapper(componentModel = \"spring\")"), "category")
        .orElse("cached");
    assertTrue(why.contains("build the project first (missing: the implementation of CategoryMapper, which MapStruct "
        + "generates at build time"), why);
    // the true twin: an interface nothing in the project implements is code optkit cannot read
    why = refusalStartingWith(categories("plain", ""), "category").orElse("cached");
    assertTrue(why.contains("CategoryMapper.toDto() has no implementation among the project's classes"), why);
  }
}
