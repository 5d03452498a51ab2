package demo;
import java.util.List;
/** What B's ProductDTO is: a record with a list component (the images, copied into a new list per call). */
public record ProductDto(Long id, String name, List<String> tags) {}
