package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Person {
    @Id private Long id;
    private String email;
    @ManyToMany
    private Set<Role> roles;
    public String getEmail() { return email; }
    public Set<Role> getRoles() { return roles; }
}
