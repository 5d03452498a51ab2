package shop;
import jakarta.persistence.*;
import java.util.*;
@Entity
public class Author {
    @Id private Long id;
    private String name;
    @OneToMany @JoinColumn(name = "author_id") private List<Award> awards;
    public String getName() { return name; }
    public List<Award> getAwards() { return awards; }
}
