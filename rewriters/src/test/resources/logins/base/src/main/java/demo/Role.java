package demo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Role {
    @Id
    private Long id;
    private String authority;
    protected Role() {
    }
    public Role(Long id, String authority) {
        this.id = id;
        this.authority = authority;
    }
    public Long getId() { return id; }
    public String getAuthority() { return authority; }
}
