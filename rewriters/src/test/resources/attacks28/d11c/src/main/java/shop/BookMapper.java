package shop;
import org.springframework.stereotype.Component;
@Component
public class BookMapper {
    public BookDto toDto(Book book) { BookDto d = new BookDto(); d.setTitle(book.getTitle()); return d; }
    public Book same(Book book) { return book; }
}
