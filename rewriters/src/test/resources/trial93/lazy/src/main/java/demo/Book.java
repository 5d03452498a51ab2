package demo;
import jakarta.persistence.*;
import java.util.List;
@Entity
public class Book {
    @Id @GeneratedValue private Long id;
    private String title;
    private boolean available = true;
    @OneToMany(mappedBy = "book")            // LAZY (the JPA default for @OneToMany); nothing in the app reads it
    private List<BorrowRecord> records;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public boolean isAvailable() { return available; }
    public List<BorrowRecord> getRecords() { return records; }
    public void setAvailable(boolean available) { this.available = available; }
}
