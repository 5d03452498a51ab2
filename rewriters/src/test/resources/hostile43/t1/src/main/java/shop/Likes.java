package shop;
import java.util.Set;
import org.springframework.stereotype.Component;
@Component
public class Likes {
    private final Set<String> likes = Set.of("ann:1", "bob:2");
    public boolean has(String user, Long petId) { return likes.contains(user + ":" + petId); }
}
