package dev.optkit.validation.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optkit.analyzers.config.ConfigException;
import dev.optkit.analyzers.config.OptkitConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one downstream call costs, in USD, by the kind the call-counting agent gives it ({@code http},
 * {@code jdbc}): the prices behind the cost criterion and the savings estimate.
 *
 * <p>The project's {@code .optkit.yml} sets them as assess reads them, {@code savings.costPerCallUsd}
 * by category: {@code api-call} prices an {@code http} call, {@code db-query} a {@code jdbc} one,
 * {@code llm} an {@code llm} one. A category the file does not set keeps validate's default, not
 * assess's: assess prices a query at $0, which would leave every JDBC-only scenario with no cost
 * to reduce, and its cost criterion failed on a run that saved every query.
 *
 * @param perCall the price of a call of each kind named
 * @param otherKinds the price of a call of any other kind
 * @param source where the prices came from: {@value #DEFAULTS} or {@value #CONFIGURED}
 */
public record CallCosts(Map<String, Double> perCall, double otherKinds, String source) {
  public static final String DEFAULTS = "defaults";
  public static final String CONFIGURED = ".optkit.yml savings.costPerCallUsd";

  /** A remote API costs more than a query. */
  private static final Map<String, Double> DEFAULT_PER_CALL = Map.of("http", 0.001, "jdbc", 0.0001);
  private static final double DEFAULT_OTHER_KINDS = 0.0005;
  /** assess's categories (SavingsSettings) and the agent's kind each prices. */
  private static final Map<String, String> KIND_OF_CATEGORY = Map.of("api-call", "http", "db-query", "jdbc", "llm", "llm");

  public CallCosts {
    // sorted: the report's bytes do not depend on a map's order; none in a report read back, none priced
    perCall = perCall == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perCall));
  }

  public static CallCosts defaults() {
    return new CallCosts(DEFAULT_PER_CALL, DEFAULT_OTHER_KINDS, DEFAULTS);
  }

  /** The price of one call of this kind. */
  public double of(String kind) {
    return perCall.getOrDefault(kind, otherKinds);
  }

  /**
   * The prices of a project: its {@code .optkit.yml}, when there is one, over the defaults.
   *
   * @throws ConfigException when the file is not a configuration assess would accept (exit 2)
   */
  public static CallCosts ofProject(Path projectRoot) {
    Path file = projectRoot.resolve(OptkitConfig.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    // checked as assess checks it, then the keys written read from the file itself: the typed
    // configuration has assess's defaults merged in, and cannot say which prices the user set
    Map<String, Double> configured = OptkitConfig.load(file).savings().costPerCallUsd();
    Map<String, Double> prices = new TreeMap<>(DEFAULT_PER_CALL);
    boolean anySet = false;
    for (Iterator<String> names = writtenCategories(file); names.hasNext(); ) {
      String category = names.next();
      if (KIND_OF_CATEGORY.containsKey(category) && configured.containsKey(category)) {
        prices.put(KIND_OF_CATEGORY.get(category), configured.get(category));
        anySet = true;
      }
    }
    return anySet ? new CallCosts(prices, DEFAULT_OTHER_KINDS, CONFIGURED) : defaults();
  }

  private static Iterator<String> writtenCategories(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      return root == null ? java.util.Collections.emptyIterator() : root.path("savings").path("costPerCallUsd").fieldNames();
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage(), e);
    }
  }
}
