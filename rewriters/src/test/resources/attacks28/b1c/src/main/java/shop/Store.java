package shop;
public interface Store { void rename(Long id, String name); String name(Long id); }
