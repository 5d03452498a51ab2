package shop;
public final class Tally { private final String name; private int hits; private Tally(String n) { name = n; } static Tally of(String n) { return new Tally(n); } public String getName() { return name; } public int getHits() { return hits; } public int hit() { return ++hits; } }
