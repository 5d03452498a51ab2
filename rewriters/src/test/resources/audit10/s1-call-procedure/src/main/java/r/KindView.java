package r;
import java.util.List;
public record KindView(Kind kind, List<Item> items) {}
