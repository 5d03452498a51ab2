package shop;
import jakarta.persistence.*;
import java.util.*;
@Entity
public class Book implements Titled {
    @Id private Long id;
    private String title;
    @OneToMany @JoinColumn(name = "book_id") private List<Review> reviews;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String t) { title = t; }
    public List<Review> getReviews() { return reviews; }
}
