package r;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Role {
    @Id @GeneratedValue
    private Long id;
    private String name;
    @ManyToMany(mappedBy = "roles")
    private Set<Account> accounts = new HashSet<>();
    public Long getId() { return id; }
    public String getName() { return name; }
}
