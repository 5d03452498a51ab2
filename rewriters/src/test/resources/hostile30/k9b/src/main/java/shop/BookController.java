package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class BookController {
    private final Books books; private final Retitler retitler; private final BookRepository repo;
    public BookController(Books books, Retitler retitler, BookRepository repo) { this.books = books; this.retitler = retitler; this.repo = repo; }
    @GetMapping("/title") public String title(@RequestParam Long id) { return books.titleOf(id); }
    @PostMapping("/retitle") public void retitle(@RequestParam String from, @RequestParam String to) { retitler.retitle(from, to); }
    @PostMapping("/books") public void save(@RequestBody Book b) { repo.save(b); }
}
