package r;

import jakarta.persistence.*;

@Entity
public class Club {
    @Id @GeneratedValue
    private Integer id;
    private String name;

    public Integer getId() { return id; }
    public String getName() { return name; }
}
