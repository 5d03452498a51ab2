package demo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class BorrowService {
    private final BookService books;
    private final PatronService patrons;
    private final BorrowRecordRepo records;
    public BorrowService(BookService books, PatronService patrons, BorrowRecordRepo records) {
        this.books = books; this.patrons = patrons; this.records = records;
    }
    @Transactional
    public void borrow(Long bookId, Long patronId) {
        BookDto book = books.getBook(bookId);          // loads one Book row; its lazy 'records' stay unloaded
        PatronDto patron = patrons.getPatron(patronId); // so no Patron is in the persistence context before this read
        if (!book.available()) throw new IllegalStateException("not available");
        records.save(new BorrowRecord(null, null));
    }
}
