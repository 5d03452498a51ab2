package dev.optkit.analyzers.proof;

import java.util.Objects;

/**
 * A fact a refusal rests on, for reports and tests to read without its words: a project method the proof read, and
 * what that method is to the one refused.
 *
 * @param role what the method is to the refused one
 * @param type its class, qualified
 * @param method its name
 * @param path its file, relative to the project
 * @param line the line its declaration begins on
 */
public record Evidence(Role role, String type, String method, String path, int line) {

  /** What a method a proof read is to the method it refused. */
  public enum Role {
    /** A production caller whose use of the answer decides the refusal (it writes or throws on it). */
    CALLER("caller"),
    /** A writer of the data the method reads that cannot evict its cache. */
    WRITER("writer"),
    /** The method cached in the same migration that reads through this one: the one cache level kept. */
    OUTER_CACHE("outer-cache"),
    /** A method of the same object calling this one through {@code this}, which no proxy sees. */
    SELF_CALLER("self-caller"),
    /** A method the project already caches that reads through this one. */
    CACHED_ABOVE("cached-above");

    private final String id;

    Role(String id) {
      this.id = id;
    }

    /** As reports write it. */
    public String id() {
      return id;
    }
  }

  public Evidence {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
