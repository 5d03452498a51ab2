package r;
import java.util.List;
public class PageResponse<T> { private final List<T> content; private final long total; public PageResponse(List<T> content, long total){this.content=content;this.total=total;} public List<T> getContent(){return content;} public long getTotal(){return total;} }
