package demo;
public record PatronDto(Long id, String name) { }
