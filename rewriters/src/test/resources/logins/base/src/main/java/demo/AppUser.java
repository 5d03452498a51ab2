package demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class AppUser {
    @Id @GeneratedValue
    private Long id;
    private String email;
    private String password;
    private String tenant;
    @ManyToOne
    private Role role;
    public Long getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getTenant() { return tenant; }
    public void setTenant(String tenant) { this.tenant = tenant; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
}
