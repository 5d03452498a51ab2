package shop;
import jakarta.persistence.*;
import java.util.*;
@Entity
public class Book {
    @Id private Long id;
    private String title;
    private int views;
    @ManyToOne(fetch = FetchType.LAZY) private Author author;
    @OneToMany @JoinColumn(name = "book_id") private List<Review> reviews;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String t) { title = t; }
    public int getViews() { return views; }
    public void setViews(int v) { views = v; }
    public Author getAuthor() { return author; }
    public List<Review> getReviews() { return reviews; }
}
