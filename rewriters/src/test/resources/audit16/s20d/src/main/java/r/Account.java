package r;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Account {
    @Id @GeneratedValue
    private Long id;
    private String email;
    @ManyToMany
    private Set<Role> roles = new HashSet<>();
    @ManyToOne(fetch = FetchType.LAZY)
    private Account owner;
    public Long getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles; }
    // the id of a lazy proxy
    public Long getOwnerId() { return owner == null ? null : owner.getId(); }
}
