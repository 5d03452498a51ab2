package shop;
import jakarta.persistence.*;
@Entity
public class Review {
    @Id private Long id;
    private String text;
    public String getText() { return text; }
}
