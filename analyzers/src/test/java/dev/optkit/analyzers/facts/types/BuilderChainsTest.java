package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 85's F6 (a shop's row mapper): in {@code Product.builder().name(..).updatedAt(..).build()} on Lombok's builder,
 * which no source declares, {@code updatedAt} was a call of unknown receiver, run by the one project method of that
 * name, another class's hand-written {@code User.Builder.updatedAt()}, "which changes its object". A setter of a
 * builder chain answers the builder: the call is on {@code Product.Builder}, no project method; a chain on the project's
 * own builder still runs its methods.
 */
class BuilderChainsTest {
  @TempDir Path dir;

  @Test
  void aBuilderChainsSettersAreTheBuildersOwn() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;

        @lombok.Builder
        public class Product {
            private String name;
            private java.sql.Timestamp updatedAt;
        }
        """).java("""
        package shop;

        public class User {
            private java.sql.Timestamp updatedAt;
            private User(Builder builder) { this.updatedAt = builder.updatedAt; }
            public static final class Builder {
                private String name;
                private java.sql.Timestamp updatedAt;
                public Builder named(String name) { this.name = name; return this; }
                public Builder updatedAt(java.sql.Timestamp updatedAt) { this.updatedAt = updatedAt; return this; }
                public User build() { return new User(this); }
            }
        }
        """).java("""
        package shop;

        public class Mapper {
            public Product product(String name, java.sql.Timestamp at) {
                return Product.builder().name(name).updatedAt(at).build();
            }

            public User user(String name, java.sql.Timestamp at) {
                return new User.Builder().named(name).updatedAt(at).build();
            }
        }
        """).assess().index();
    IndexedMethod product = index.methodsNamed("product").get(0);
    CallRef productUpdate = product.fact().calls().stream().filter(c -> c.name().equals("updatedAt")).findFirst()
        .orElseThrow(() -> new AssertionError(product.fact().opaqueCalls().toString()));
    assertEquals("shop.Product.Builder", productUpdate.receiverType());
    assertTrue(index.allTargetsOf(productUpdate).isEmpty(), index.allTargetsOf(productUpdate).toString());
    assertTrue(product.fact().opaqueCalls().stream().noneMatch(c -> c.name().equals("updatedAt")),
        product.fact().opaqueCalls().toString());
    IndexedMethod user = index.methodsNamed("user").get(0);
    List<String> userTargets = user.fact().calls().stream().filter(c -> c.name().equals("updatedAt"))
        .flatMap(c -> index.allTargetsOf(c).stream()).map(m -> m.fact().ownerType()).toList();
    assertEquals(List.of("shop.User.Builder"), userTargets);
  }
}
