package shop;
import jakarta.persistence.*;
import java.util.Set;
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("plain")
public class Menu {
    @Id private Long id;
    private Long pid;
    private String title;
    @ManyToMany(mappedBy = "menus") protected Set<Role> roles;
    public Long getId() { return id; }
    public Long getPid() { return pid; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    /** how many roles see this menu: a plain menu is seen by every role */
    public Integer getRoleCount() { return -1; }
}
