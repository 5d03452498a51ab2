package dev.optkit.analyzers.proof;

/**
 * What a proof looks at: the scope of the run, the source as it is now, the Spring context around the method, its
 * declaration, the data it reads, the writers of that data, the cache levels of one migration, the cache backend, and
 * (for loops) the loop. The planner does not run them strictly stage by stage (a Spring proxy question may come
 * before a data one, as it always did); a refusal is the first proof that does not hold.
 */
public enum Stage {
  SCOPE("scope", "what the run can see: the folder scanned, the reactor, sources not analysed"),
  SOURCE("source", "the file and method as they are now, and the edited file"),
  CONFIGURATION("configuration", "the Spring context and proxy the cache would live in"),
  SIGNATURE("signature", "the method's declaration: where it is, its parameters, its result type"),
  DATA("data", "what the method reads and who uses its result"),
  WRITERS("writers", "the code that writes the data it reads, and whether each can evict it"),
  LEVELS("levels", "the caches of one migration, one level per data"),
  BACKEND("backend", "the cache backend and the configuration an earlier migration left"),
  LOOP("loop", "a loop's rewrite: its form, its body and the pool it would use"),
  SCHEMA("schema", "the database's schema: indexes, which migrate does not change");

  private final String id;
  private final String summary;

  Stage(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public String summary() {
    return summary;
  }
}
