package r;

/** A plain mutable POJO: instance fields only. */
public class Game {
    private Integer id;
    private String title;

    public Integer getId() { return id; }
    public void setId(Integer id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
