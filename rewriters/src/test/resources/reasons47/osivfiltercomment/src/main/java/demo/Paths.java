package demo;

/**
 * The application's paths. (It never uses a RequestDispatcher nor a forward: view name; this comment names them.)
 */
public final class Paths {
  public static final String DAYS = "/days";

  private Paths() {}
}
