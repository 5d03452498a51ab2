package repro.four;

import jakarta.persistence.*;
import java.time.LocalDateTime;

@Entity
public class Brand {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;
    private String name;
    private LocalDateTime deletedDate;

    public Integer getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDateTime getDeletedDate() { return deletedDate; }
}
