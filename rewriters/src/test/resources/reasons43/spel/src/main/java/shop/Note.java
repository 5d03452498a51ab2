package shop;

import jakarta.persistence.*;

@Entity
@Table(name = "note")
public class Note {
    @Id @GeneratedValue Long id;
    String title;
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
