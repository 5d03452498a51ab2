package r;

public record NoteTo(Long id, String text, String author) {
}
