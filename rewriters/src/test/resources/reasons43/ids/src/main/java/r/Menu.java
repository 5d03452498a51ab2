package r;

import jakarta.persistence.*;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;

@Entity
@Getter
@Setter
public class Menu {
    @Id @GeneratedValue
    private Long id;
    private Long pid;
    private String title;
    @ManyToMany(mappedBy = "menus")
    private Set<Role> roles;
}
