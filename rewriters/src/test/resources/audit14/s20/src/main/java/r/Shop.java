package r;

import jakarta.persistence.*;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

@Entity
@Getter
@Setter
public class Shop {
    @Id @GeneratedValue
    private Integer id;
    private String name;
    @OneToMany(fetch = FetchType.LAZY, mappedBy = "shop")
    private List<Item> items;
}
