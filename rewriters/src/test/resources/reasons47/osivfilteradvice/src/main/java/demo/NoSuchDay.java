package demo;

public class NoSuchDay extends RuntimeException {
  public NoSuchDay(Integer id) { super("no day " + id); }
}
