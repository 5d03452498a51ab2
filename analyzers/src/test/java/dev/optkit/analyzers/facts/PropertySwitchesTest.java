package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The properties a class is a Spring bean under, as its conditions write them; a condition whose members the file
 * cannot read, or an expression that is more than one placeholder, is none (the class is not known to be off).
 */
class PropertySwitchesTest {
  @TempDir Path dir;

  private List<PropertySwitch> switchesOf(String annotations) {
    return new ProjectFixture(dir).java("""
            package app;
            import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
            import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
            %s
            public class Switched {
              static final String FLAG = "feature.on";
            }
            """.formatted(annotations)).assess().index().type("app.Switched").orElseThrow().propertySwitches();
  }

  @Test
  void aPropertyConditionsKeysJoinTheirPrefix() {
    assertEquals(List.of(new PropertySwitch(List.of("demo.seed", "demo.more"), "yes", true)),
        switchesOf("@ConditionalOnProperty(prefix = \"demo\", name = {\"seed\", \"more\"}, havingValue = \"yes\", "
            + "matchIfMissing = true)"));
    assertEquals(List.of(new PropertySwitch(List.of("feature.on"), "", false)),
        switchesOf("@ConditionalOnProperty(Switched.FLAG)"));
  }

  @Test
  void anExpressionOfOnePlaceholderIsOnWhereItsValueIsTrue() {
    assertEquals(List.of(new PropertySwitch(List.of("support.enabled"), "true", false)),
        switchesOf("@ConditionalOnExpression(\"${support.enabled:false}\")"));
    // without a default a missing key fails the expression: not known to be off
    assertEquals(List.of(new PropertySwitch(List.of("support.enabled"), "true", true)),
        switchesOf("@ConditionalOnExpression(\"${support.enabled}\")"));
  }

  @Test
  void whatTheFileCannotReadIsNoSwitch() {
    assertEquals(List.of(), switchesOf("@ConditionalOnProperty(name = \"x\", matchIfMissing = Defaults.MISSING)"));
    assertEquals(List.of(), switchesOf("@ConditionalOnProperty(name = {\"x\", Other.NAME})"));
    assertEquals(List.of(), switchesOf("@ConditionalOnExpression(\"${a:false} and ${b:true}\")"));
    assertEquals(List.of(), switchesOf("@ConditionalOnExpression(\"!${a:false}\")"));
  }
}
