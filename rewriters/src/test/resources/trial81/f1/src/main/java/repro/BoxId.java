package repro;
import java.util.Objects;
import java.util.UUID;
public record BoxId(UUID value) {
    public BoxId {
        Objects.requireNonNull(value, "id");   // validates only: changes nothing
    }
}
