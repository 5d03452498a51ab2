package shop;

import jakarta.persistence.*;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/** Property access: @Id on the getter, so the getters are the mapping. */
@Entity
@Table(name = "jhi_authority")
public class Authority implements java.io.Serializable, Persistable<String> {
    private String name;

    @org.springframework.data.annotation.Transient
    @Transient
    private boolean isPersisted;

    @Id
    @Column(name = "name", length = 50, nullable = false)
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    @PostLoad
    @PostPersist
    public void updateEntityState() { this.isPersisted = true; }

    @Override
    public String getId() { return name; }

    @org.springframework.data.annotation.Transient
    @Transient
    @Override
    public boolean isNew() { return !isPersisted; }

    @Override
    public boolean equals(Object o) { return o instanceof Authority a && Objects.equals(name, a.name); }

    @Override
    public int hashCode() { return Objects.hashCode(name); }
}
