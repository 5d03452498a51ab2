package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Person {
    @Id private Long id;
    private String email;
    @ManyToOne
    private Team team;
    public String getEmail() { return email; }
    public Set<Role> getRoles() { return team.getRoles(); }
}
