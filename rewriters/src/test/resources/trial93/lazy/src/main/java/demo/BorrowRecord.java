package demo;
import jakarta.persistence.*;
@Entity
public class BorrowRecord {
    @Id @GeneratedValue private Long id;
    @ManyToOne private Book book;
    @ManyToOne private Patron patron;
    public BorrowRecord() { }
    public BorrowRecord(Book book, Patron patron) { this.book = book; this.patron = patron; }
}
