package r;
public record Item(int id, int kindId, String name) {}
