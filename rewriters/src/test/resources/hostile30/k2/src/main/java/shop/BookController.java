package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class BookController {
    private final Books books; private final BookRepository repo;
    public BookController(Books books, BookRepository repo) { this.books = books; this.repo = repo; }
    @GetMapping("/books") public Object byTitle(@RequestParam String t) { return books.byId(Long.valueOf(t)); }
    @PostMapping("/books") public void save(@RequestBody Book b) { repo.save(b); }
    @GetMapping("/exists") public boolean exists(@RequestParam Long id) { return books.byId(id) != null; }
}
