package demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PriceController {
  private final CatalogService catalog;

  public PriceController(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/books/{id}/price")
  public String price(@PathVariable Long id) {
    Book book = catalog.find(id);
    // BigDecimal is immutable: setScale returns a new BigDecimal, the Book is not changed
    BigDecimal unit = book.getPrice().setScale(2, RoundingMode.HALF_UP);
    return unit.toPlainString();
  }

  @PutMapping("/books/{id}/price")
  public void reprice(@PathVariable Long id, @RequestBody String price) {
    catalog.reprice(id, new BigDecimal(price));
  }
}
