package shop;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class Books {
    private final BookRepository books;
    public Books(BookRepository books) { this.books = books; }
    public Object byId(Long id) { return books.findById(id).orElseThrow(); }
}
