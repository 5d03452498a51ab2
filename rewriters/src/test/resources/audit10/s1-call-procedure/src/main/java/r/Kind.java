package r;
public record Kind(int id, String name) {}
