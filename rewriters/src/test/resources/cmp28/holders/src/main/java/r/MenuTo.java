package r;

public class MenuTo {
    private Long id;
    private String title;
    private int rating;
    public MenuTo(Long id, String title) { this.id = id; this.title = title; }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public int getRating() { return rating; }
    public void setRating(int rating) { this.rating = rating; }
}
