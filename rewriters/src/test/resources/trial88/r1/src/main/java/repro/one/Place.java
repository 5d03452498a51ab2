package repro.one;

public record Place(Long id, String name) {}
