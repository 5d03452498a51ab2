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
    public void renameAll(List<Long> ids, String owner) { new Batch(owner).run(ids); }
    class Batch {
        final String owner;
        Batch(String owner) { this.owner = owner; }
        void run(List<Long> ids) { for (Long id : ids) update(id, owner); }
    }
    static void pause() { try { Thread.sleep(400); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
}
