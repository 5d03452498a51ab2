package shop;
public record PetViewed(Long id, String user) {}
