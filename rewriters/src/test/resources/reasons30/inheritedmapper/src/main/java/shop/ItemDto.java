package shop;
public record ItemDto(String name) {}
