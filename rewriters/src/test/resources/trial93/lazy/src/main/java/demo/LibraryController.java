package demo;
import org.springframework.web.bind.annotation.*;
@RestController
public class LibraryController {
    private final BookService books; private final PatronService patrons; private final BorrowService borrow;
    public LibraryController(BookService b, PatronService p, BorrowService br) { books = b; patrons = p; borrow = br; }
    @GetMapping("/books/{id}") public BookDto book(@PathVariable Long id) { return books.getBook(id); }
    @GetMapping("/patrons/{id}") public PatronDto patron(@PathVariable Long id) { return patrons.getPatron(id); }
    @PutMapping("/patrons/{id}") public void rename(@PathVariable Long id, @RequestParam String name) { patrons.rename(id, name); }
}
