package r;
import jakarta.persistence.*;
@Entity
public class Repair {
    @Id @GeneratedValue private Long id;
    private String serial;
    private String description;
    public Long getId() { return id; }
    public String getSerial() { return serial; }
    public String getDescription() { return description; }
}
