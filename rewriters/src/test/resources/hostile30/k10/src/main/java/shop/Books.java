package shop;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class Books {
    private final BookRepository books;
    public Books(BookRepository books) { this.books = books; }
    public java.util.Map<Labeled, List<Book>> byGenre(String title) { return books.findByTitle(title).stream().collect(java.util.stream.Collectors.groupingBy(b -> (Labeled) b.getGenre())); }
}
