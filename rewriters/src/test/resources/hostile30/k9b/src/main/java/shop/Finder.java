package shop;
import java.util.List;
import org.springframework.stereotype.Component;
@Component
public class Finder {
    private final BookRepository repo;
    public Finder(BookRepository repo) { this.repo = repo; }
    public List<Book> titled(String t) { return List.copyOf(repo.findByTitle(t)); }
}
