package shop;
import jakarta.persistence.*;
@Entity
public class Genre implements Labeled {
    @Id private Long id;
    private String label;
    public Long getId() { return id; }
    public String getLabel() { return label; }
}
