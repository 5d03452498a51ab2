package demo;

import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CatalogService {
  private final BookRepository books;

  public CatalogService(BookRepository books) {
    this.books = books;
  }

  public Book find(Long id) {
    return books.findById(id).orElseThrow();
  }

  @Transactional
  public void reprice(Long id, BigDecimal price) {
    Book book = books.findById(id).orElseThrow();
    book.setPrice(price);
    books.save(book);
  }
}
