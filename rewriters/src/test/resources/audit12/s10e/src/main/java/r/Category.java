package r;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Category {
    @Id
    private Integer id;
    private String type;

    public Integer getId() { return id; }
    public String getType() { return type; }
}
