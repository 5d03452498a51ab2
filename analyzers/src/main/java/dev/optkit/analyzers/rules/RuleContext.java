package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What rules see: the project index and the analysis settings.
 *
 * @param cacheableNamePatterns method-name globs ({@code get*}) that raise a cacheable read's rank
 */
public record RuleContext(ProjectIndex index, List<String> cacheableNamePatterns) {
  public boolean matchesCacheableName(String method) {
    for (String glob : cacheableNamePatterns) {
      String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
      if (Pattern.compile(regex).matcher(method).matches()) {
        return true;
      }
    }
    return false;
  }
}
