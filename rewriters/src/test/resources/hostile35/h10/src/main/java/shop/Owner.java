package shop;
import jakarta.persistence.*;
import com.fasterxml.jackson.annotation.*;
import java.util.*;
@Entity
public class Owner {
    @Id private Long id;
    private String name;
    @JsonIgnore @OneToMany(fetch = FetchType.LAZY) @JoinColumn(name = "owner_id") private List<Cat> cats = new ArrayList<>();
    public Owner() {}
    public Owner(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Cat> getCats() { return cats; }
}
