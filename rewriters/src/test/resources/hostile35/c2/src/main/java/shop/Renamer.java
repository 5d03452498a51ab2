package shop;
@FunctionalInterface
public interface Renamer { void rename(Long id, String n); }
