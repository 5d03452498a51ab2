package r;

import jakarta.persistence.*;

@Entity
public class Note {
    @Id @GeneratedValue
    private Long id;
    private String text;
    @ManyToOne
    private Author author;

    public Long getId() { return id; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Author getAuthor() { return author; }
    public void setAuthor(Author author) { this.author = author; }
}
