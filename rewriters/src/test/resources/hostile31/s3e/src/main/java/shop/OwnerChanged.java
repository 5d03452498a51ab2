package shop;
public record OwnerChanged(Long id, String owner) {}
