package shop;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;
@Getter @Setter
@Accessors(fluent = true)
public class PetDto {
    private final Long id;
    private String name;
    public PetDto(Long id, String name) { this.id = id; this.name = name; }
}
