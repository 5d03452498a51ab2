package r;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

// a named JPQL query reading member too, run by KindRepository.findByName
@NamedQueries({
    @NamedQuery(name = "Kind.findByName", query = "SELECT k FROM Kind k WHERE k.name IN (SELECT m.email FROM Member m) AND k.name = :name")
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
