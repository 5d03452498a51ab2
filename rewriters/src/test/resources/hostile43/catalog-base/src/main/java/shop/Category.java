package shop;
import jakarta.persistence.*;
@Entity
public class Category {
    @Id private Long id;
    private String title;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
