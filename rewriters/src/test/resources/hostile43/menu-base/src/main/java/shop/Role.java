package shop;
import jakarta.persistence.*;
import java.util.Set;
@Entity
public class Role {
    @Id private Long id;
    private String name;
    @ManyToMany @JoinTable(name = "roles_menus", joinColumns = @JoinColumn(name = "role_id"), inverseJoinColumns = @JoinColumn(name = "menu_id"))
    private Set<Menu> menus;
    public Long getId() { return id; }
    public String getName() { return name; }
}
