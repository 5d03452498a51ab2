package repro;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import java.util.UUID;
@Table("boxes")
public class Box {
    @Id private final UUID id;
    private final String name;
    public Box(UUID id, String name) { this.id = id; this.name = name; }
    public UUID getId() { return id; }
    public String getName() { return name; }
    /** hands its (immutable) UUID, not itself, to the record */
    public Label label() { return new Label(new BoxId(this.getId()), name); }
}
