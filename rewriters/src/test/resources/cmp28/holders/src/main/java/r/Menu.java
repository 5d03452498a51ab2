package r;

import jakarta.persistence.*;

@Entity
public class Menu {
    @Id private Long id;
    private Long pid;
    private String title;
    public Long getId() { return id; }
    public Long getPid() { return pid; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
