package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Team {
    @Id private Long id;
    private String name;
    @ManyToMany
    private Set<Role> roles;
    public String getName() { return name; }
    public Set<Role> getRoles() { return roles; }
}
