package blog;

import jakarta.persistence.*;

@Entity
public class Photo {
    @Id Long id;
    String title;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
