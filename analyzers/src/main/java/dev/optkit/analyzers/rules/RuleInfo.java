package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule's metadata, on the rule's class, as Error Prone does: reports and docs are generated from it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable id used in reports, configuration and suppressions. */
  String id();

  String title();

  Category category();

  /** Default severity; a rule may lower or raise it per finding, configuration overrides it. */
  Severity severity();

  String summary();

  String description();

  String remediation();
}
