package shop;
import jakarta.persistence.*;
import java.util.*;

@Entity
public class Admin extends Person {
    @OneToMany
    @JoinColumn(name = "admin_id")
    private Set<Role> delegates;
    public Set<Role> getDelegates() { return delegates; }
}
