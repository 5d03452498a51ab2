package r;
import jakarta.persistence.*;
@Entity
public class Location {
    @Id @GeneratedValue private Long id;
    private String place;
    public Long getId() { return id; }
    public String getPlace() { return place; }
}
