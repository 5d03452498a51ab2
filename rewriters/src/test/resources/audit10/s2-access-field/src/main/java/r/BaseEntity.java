package r;
import jakarta.persistence.*;
import org.springframework.data.domain.Persistable;

// the mapping is on the field: @Access(FIELD) and @Id on 'id'; isNew() is Persistable's, not a mapped property
@MappedSuperclass
@Access(AccessType.FIELD)
public abstract class BaseEntity implements Persistable<Integer> {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    protected Integer id;

    protected BaseEntity() {}
    protected BaseEntity(Integer id) { this.id = id; }

    @Override public Integer getId() { return id; }
    public void setId(Integer id) { this.id = id; }
    @Override public boolean isNew() { return id == null; }
}
