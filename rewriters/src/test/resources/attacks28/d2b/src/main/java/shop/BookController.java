package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class BookController {
    private final Books books; private final BookRepository repo;
    public BookController(Books books, BookRepository repo) { this.books = books; this.repo = repo; }
    @GetMapping("/books") public List<Titled> byTitle(@RequestParam String t) { return books.byTitle(t); }
    @GetMapping("/count") public int count(@RequestParam String t) { return repo.findByTitle(t).size(); }
    @PostMapping("/books") public void save(@RequestBody Book b) { repo.save(b); }
}
