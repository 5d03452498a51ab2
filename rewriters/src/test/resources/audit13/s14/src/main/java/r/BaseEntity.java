package r;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import lombok.Setter;

/** Lombok's @Getter writes getId(), which implements HasId.getId(). */
@MappedSuperclass
@Getter
@Setter
public abstract class BaseEntity implements HasId {
    @Id
    @GeneratedValue
    protected Long id;
}
