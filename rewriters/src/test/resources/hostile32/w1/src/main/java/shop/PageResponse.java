package shop;
import java.util.List;
/** One page of names, and how many there are in all. */
public record PageResponse(List<String> content, long total) {
    /** What the page shows: the first names only (the rest are fetched by the client as it scrolls). */
    @Override public List<String> content() { return content.size() > 10 ? content.subList(0, 10) : content; }
}
