package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.facts.IoSite;

/** The I/O sites the index tests ask for, and what a footprint safe for a table is: one place for them all. */
final class IndexSites {
  private IndexSites() {}

  /** The first site of the first method of that name. */
  static IoSite site(ProjectIndex index, String method) {
    return index.sitesOf(index.methodsNamed(method).get(0)).get(0);
  }

  /** The first site of a method of that name whose class's qualified name is {@code owner} or starts with it. */
  static IoSite site(ProjectIndex index, String owner, String method) {
    return index.methodsNamed(method).stream().filter(m -> m.fact().ownerType().startsWith(owner))
        .flatMap(m -> index.sitesOf(m).stream()).findFirst()
        .orElseThrow(() -> new AssertionError("no site in " + owner + "." + method + " among "
            + index.methodsNamed(method).stream().map(m -> m.fact().ownerType()).toList()));
  }

  /** The first query (a site with SQL) of the first method of that name. */
  static IoSite query(ProjectIndex index, String method) {
    return index.sitesOf(index.methodsNamed(method).get(0)).stream().filter(s -> s.sql() != null)
        .findFirst().orElseThrow(() -> new AssertionError("no query in " + method + "()"));
  }

  /**
   * The site's footprint names the table (underscores aside, as footprints name tables) or is unknown: either is safe;
   * naming only other tables is a stale cache waiting to be planned.
   */
  static void assertCovers(ProjectIndex index, IoSite site, String table) {
    DataFootprint footprint = index.footprints().of(site);
    assertTrue(footprint.unknown() || footprint.names().contains(table.replace("_", "")),
        "sql=" + site.sql() + " footprint=" + footprint);
  }
}
