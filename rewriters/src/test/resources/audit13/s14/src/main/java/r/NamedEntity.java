package r;

import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import lombok.Setter;

/** A second level between the entity and BaseEntity, with an interface of its own. */
@MappedSuperclass
@Getter
@Setter
public abstract class NamedEntity extends BaseEntity implements Named {
    protected String name;
}
