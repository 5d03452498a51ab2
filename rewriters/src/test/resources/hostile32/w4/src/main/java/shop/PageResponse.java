package shop;
import java.util.List;
/** A page of names: the first ten as a list, the whole page as CSV for the export button. */
public record PageResponse(List<String> content, String csv, long total) {
    static PageResponse of(List<String> names, long total) {
        return new PageResponse(names.size() > 10 ? names.subList(0, 10) : names, String.join(",", names), total);
    }
}
