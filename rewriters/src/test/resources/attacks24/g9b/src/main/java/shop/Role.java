package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Role {
    @Id private Long id;
    private String name;
    @ManyToMany
    private Set<Permission> permissions;
    public String getName() { return name; }
    public Set<Permission> getPermissions() { return permissions; }
}
