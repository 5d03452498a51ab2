package shop;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;
@Getter
@Setter
@Accessors(fluent = true)
public class Film {
    private long id;
    private String title;
}
