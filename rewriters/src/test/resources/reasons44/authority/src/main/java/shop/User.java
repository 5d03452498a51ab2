package shop;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "jhi_user")
public class User {
    @Id @GeneratedValue Long id;
    String login;
    @ManyToMany
    @JoinTable(name = "jhi_user_authority", joinColumns = @JoinColumn(name = "user_id"),
        inverseJoinColumns = @JoinColumn(name = "authority_name"))
    Set<Authority> authorities = new HashSet<>();
    public String getLogin() { return login; }
}
