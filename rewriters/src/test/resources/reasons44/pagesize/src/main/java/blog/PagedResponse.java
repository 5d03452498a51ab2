package blog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The page's elements and where it stands: a project class holding a list, which no weigher can count. */
public class PagedResponse<T> {
    private List<T> content;
    private int page;
    private int size;
    private long totalElements;

    public PagedResponse(List<T> content, int page, int size, long totalElements) {
        this.content = content == null ? null : new ArrayList<>(content);
        this.page = page;
        this.size = size;
        this.totalElements = totalElements;
    }

    public List<T> getContent() { return content == null ? null : Collections.unmodifiableList(content); }
    public int getPage() { return page; }
    public int getSize() { return size; }
    public long getTotalElements() { return totalElements; }
}
