package shop;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class Books {
    private final BookRepository books;
    public Books(BookRepository books) { this.books = books; }
    public String titleOf(Long id) { return books.titleOf(id); }
}
