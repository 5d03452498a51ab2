package demo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Role {
    @Id
    private Long id;
    private String authority;
    public Long getId() { return id; }
    public String getAuthority() { return authority; }
}
