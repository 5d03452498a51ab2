package r;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

// a named JPQL query over this same entity: nothing in the project runs it
@NamedQueries({
    @NamedQuery(name = "Kind.byName", query = "SELECT k FROM Kind k WHERE k.name = :name")
})
@Entity
@Table(name = "kind")
public class Kind {
    @Id
    @GeneratedValue
    private Long id;
    private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
}
