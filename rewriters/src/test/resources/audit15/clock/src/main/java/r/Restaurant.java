package r;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;

@Entity
public class Restaurant {
    @Id
    private Integer id;
    private String name;
    @OneToMany(fetch = FetchType.LAZY, mappedBy = "restaurant")
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private List<Dish> menu;

    public Integer getId() { return id; }
    public String getName() { return name; }
    public List<Dish> getMenu() { return menu; }
}
