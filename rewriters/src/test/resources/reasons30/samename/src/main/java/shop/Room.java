package shop;
import jakarta.persistence.*;
@Entity
public class Room {
    @Id private Long id;
    private String name;
    public String getName() { return name; }
    public boolean addShowtime(Showtime showtime) { return showtime.getStartsAt() != null && name != null; }
}
