package shop;

import jakarta.persistence.*;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/** JHipster's Authority: field access (@Id on the field), and a @Transient isNew() for Persistable. */
@Entity
@Table(name = "jhi_authority")
public class Authority implements java.io.Serializable, Persistable<String> {
    @Id
    @Column(name = "name", length = 50, nullable = false)
    private String name;

    @org.springframework.data.annotation.Transient
    @Transient
    private boolean isPersisted;

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
