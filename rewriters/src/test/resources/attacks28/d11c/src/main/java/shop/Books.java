package shop;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class Books {
    private final BookRepository books;
    private final BookMapper bookMapper;
    public Books(BookRepository books, BookMapper bookMapper) { this.books = books; this.bookMapper = bookMapper; }
    public List<BookDto> byTitle(String title) {
        return books.findByTitle(title).stream().map(bookMapper::toDto).toList();
    }
}
