package dev.optkit.analyzers.rules;

import java.util.List;
import dev.optkit.analyzers.findings.Finding;

/** One check over the project index; its metadata is its {@link RuleInfo}. */
public interface Rule {
  List<Finding> check(RuleContext context);

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
