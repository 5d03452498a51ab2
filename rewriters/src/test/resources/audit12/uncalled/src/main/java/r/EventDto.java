package r;

public record EventDto(Long id, String name) {}
