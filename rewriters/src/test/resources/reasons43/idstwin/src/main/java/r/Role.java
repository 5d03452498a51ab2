package r;

import jakarta.persistence.*;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;

@Entity
@Getter
@Setter
public class Role {
    @Id @GeneratedValue
    private Long id;
    private String name;
    @ManyToMany
    private Set<Menu> menus;
}
