package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class BookController {
    private final Books books; private final BookRepository repo;
    public BookController(Books books, BookRepository repo) { this.books = books; this.repo = repo; }
    @GetMapping("/books") public List<BookDto> byTitle(@RequestParam String t) { return books.byTitle(t); }
    @PostMapping("/retitle") public int retitle(@RequestParam String from, @RequestParam String to, @org.springframework.beans.factory.annotation.Autowired Reset r) { return r.retitle(from, to); }
    @PostMapping("/books") public void save(@RequestBody Book b) { repo.save(b); }
}
