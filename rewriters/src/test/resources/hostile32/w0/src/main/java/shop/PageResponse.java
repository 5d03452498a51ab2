package shop;
import java.util.List;
public class PageResponse {
    private final List<String> content;
    private final long total;
    public PageResponse(List<String> content, long total) { this.content = content; this.total = total; }
    public List<String> getContent() { return content; }
    public long getTotal() { return total; }
}
