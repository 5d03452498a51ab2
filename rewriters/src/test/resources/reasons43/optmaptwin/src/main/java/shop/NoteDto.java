package shop;

public record NoteDto(Long id, String title) {}
