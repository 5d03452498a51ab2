package shop;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import org.springframework.stereotype.Service;
@Service
public class ProductService {
    final ProductRepository repository;
    public ProductService(ProductRepository repository) { this.repository = repository; }
    public void update(Long id, String owner) { repository.saveAndFlush(new Product(id, owner)); }

    public void rename(Long id, String owner) { update(id, owner); }
    public void renameVia(Long id, String owner) { RenameHelper.apply(this, id, owner); }
    static void pause() { try { Thread.sleep(400); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
}
