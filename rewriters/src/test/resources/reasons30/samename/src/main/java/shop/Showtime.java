package shop;
import jakarta.persistence.*;
@Entity
public class Showtime {
    @Id private Long id;
    private String startsAt;
    public String getStartsAt() { return startsAt; }
}
