package shop;
import jakarta.persistence.*;
import java.util.Set;
@Entity
public class Menu {
    @Id private Long id;
    private Long pid;
    private String title;
    @ManyToMany(mappedBy = "menus") private Set<Role> roles;
    public Long getId() { return id; }
    public Long getPid() { return pid; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Set<Role> getRoles() { return roles; }
    /** how many roles see this menu */
    public Integer getRoleCount() { return roles.size(); }
}
