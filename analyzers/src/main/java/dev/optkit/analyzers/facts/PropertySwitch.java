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

  /**
   * A Spring placeholder that is the whole text, {@code ${key}} or {@code ${key:default}}: its key, and its default
   * (null for none). Empty for any other text, a nested placeholder among them.
   */
  public record Placeholder(String key, String fallback) {
    public static java.util.Optional<Placeholder> of(String text) {
      String whole = text.strip();
      if (!whole.startsWith("${") || !whole.endsWith("}") || whole.indexOf("${", 2) >= 0
          || whole.indexOf('}') != whole.length() - 1) {
        return java.util.Optional.empty();
      }
      String inner = whole.substring(2, whole.length() - 1);
      int colon = inner.indexOf(':');
      String key = (colon < 0 ? inner : inner.substring(0, colon)).strip();
      return key.isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of(new Placeholder(key, colon < 0 ? null : inner.substring(colon + 1).strip()));
    }
  }

  /** Whether a value the configuration gives a key switches the bean on. */
  public boolean matches(String value) {
    return havingValue.isEmpty() ? !value.equalsIgnoreCase("false") : value.equalsIgnoreCase(havingValue);
  }
}
