package r;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToMany;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

@Entity
@Getter
@Setter
public class Item extends NamedEntity {
    @ManyToMany(fetch = FetchType.LAZY)
    private List<Category> categories;
}
