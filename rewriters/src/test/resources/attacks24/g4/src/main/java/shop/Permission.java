package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Permission {
    @Id private Long id;
    private String name;
    @ManyToMany(mappedBy = "permissions")
    private Set<Role> roles;
    public String getName() { return name; }
    public Set<Role> getRoles() { return roles; }
}
