package demo;
import org.springframework.stereotype.Service;
@Service
public class BookService {
    private final BookRepo repo;
    public BookService(BookRepo repo) { this.repo = repo; }
    public BookDto getBook(Long id) {
        Book b = repo.findById(id).orElseThrow();
        return new BookDto(b.getId(), b.getTitle(), b.isAvailable());
    }
}
