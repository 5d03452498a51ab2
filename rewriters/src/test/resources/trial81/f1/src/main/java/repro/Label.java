package repro;
public record Label(BoxId boxId, String name) {}
