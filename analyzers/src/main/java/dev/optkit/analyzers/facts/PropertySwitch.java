package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * A configuration property a class is a Spring bean only under: its {@code @ConditionalOnProperty}, or a
 * {@code @ConditionalOnExpression} that is one placeholder ({@code "${testing-support-endpoints.enabled:false}"}). The
 * bean exists when every key's value matches.
 *
 * @param keys the properties as Spring looks them up (the prefix joined to each name)
 * @param havingValue the value each must have, compared ignoring case; empty: any value but {@code false}
 * @param matchIfMissing whether a property the configuration does not set matches
 */
public record PropertySwitch(List<String> keys, String havingValue, boolean matchIfMissing) {
  public PropertySwitch {
    keys = List.copyOf(keys);
  }

  /** Whether a value the configuration gives a key switches the bean on. */
  public boolean matches(String value) {
    return havingValue.isEmpty() ? !value.equalsIgnoreCase("false") : value.equalsIgnoreCase(havingValue);
  }
}
