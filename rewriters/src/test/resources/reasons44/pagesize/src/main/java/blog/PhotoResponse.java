package blog;

public class PhotoResponse {
    private final Long id;
    private final String title;
    private final String url;
    public PhotoResponse(Long id, String title, String url) { this.id = id; this.title = title; this.url = url; }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getUrl() { return url; }
}
