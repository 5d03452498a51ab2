package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class BookController {
    private final Books books; private final BookRepository repo;
    public BookController(Books books, BookRepository repo) { this.books = books; this.repo = repo; }
    @GetMapping("/books") public java.util.Map<Labeled, List<Book>> byTitle(@RequestParam String t) { return books.byGenre(t); }
    @PostMapping("/books") public void save(@RequestBody Book b) { repo.save(b); }
    @GetMapping("/count") public int count(@RequestParam String t) { return books.byGenre(t).size(); }
}
