package shop;
import lombok.Data;
import lombok.EqualsAndHashCode;
@Data
public class Search {
    private final String text;
    @EqualsAndHashCode.Exclude
    private final Integer size;
}
