package blog;

import jakarta.persistence.*;

@Entity
public class Photo {
    @Id @GeneratedValue Long id;
    String title;
    String url;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getUrl() { return url; }
    public void setTitle(String title) { this.title = title; }
}
