package shop;
public interface NameWriter { int rename(Long id, String n); }
