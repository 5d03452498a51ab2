package r;

import jakarta.persistence.*;

@Entity
public class Person {
    @Id @GeneratedValue
    private Long id;
    private String name;
    public Long getId() { return id; }
    public String getName() { return name; }
}
