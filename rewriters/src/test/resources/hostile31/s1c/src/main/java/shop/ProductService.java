package shop;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import org.springframework.stereotype.Service;
@Service
public class ProductService {
    final ProductRepository repository;
    public void update(Long id, String owner) { repository.saveAndFlush(new Product(id, owner)); }

    private final AsyncRunner runner;
    public ProductService(ProductRepository repository, AsyncRunner runner) { this.repository = repository; this.runner = runner; }
    public void renameLater(Long id, String owner) { runner.later(() -> { pause(); update(id, owner); }); }
    static void pause() { try { Thread.sleep(400); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
}
