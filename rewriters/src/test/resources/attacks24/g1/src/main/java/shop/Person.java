package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Person {
    @Id private Long id;
    private String email;
    @ManyToOne
    private Team team;
    @ManyToMany
    private Set<Role> roles;
    public String getEmail() { return email; }
    public Team getTeam() { return team; }
    public Set<Role> getRoles() { return roles; }
}
