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

    @org.springframework.scheduling.annotation.Scheduled(initialDelay = 3000, fixedDelay = 600000)
    void nightlySync() { update(1L, "bob"); }
    public void syncNow() { nightlySync(); }
    static void pause() { try { Thread.sleep(400); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
}
