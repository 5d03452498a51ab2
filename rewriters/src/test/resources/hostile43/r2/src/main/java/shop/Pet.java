package shop;
import jakarta.persistence.*;
@Entity
public class Pet {
    @Id private Long id;
    private String name;
    @Transient private boolean liked;
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isLiked() { return liked; }
    public void setLiked(boolean liked) { this.liked = liked; }
}
