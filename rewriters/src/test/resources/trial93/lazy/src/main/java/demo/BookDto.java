package demo;
public record BookDto(Long id, String title, boolean available) { }
