package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.IoSite;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The data an I/O site touches, by name: SQL tables, or the repository it goes through. */
final class DataNames {
  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:from|join|update|into)\\s+([A-Za-z_][\\w.]*)", Pattern.CASE_INSENSITIVE);

  private DataNames() {}

  static Set<String> of(IoSite site) {
    Set<String> names = new TreeSet<>();
    if (site.sql() != null) {
      Matcher matcher = TABLE.matcher(site.sql());
      while (matcher.find()) {
        names.add("table:" + matcher.group(1).toLowerCase(Locale.ROOT));
      }
    }
    if (site.receiverType() != null && site.clientId().contains("repository")) {
      names.add("repository:" + site.receiverType());
    }
    return names;
  }
}
