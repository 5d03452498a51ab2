package shop;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import org.springframework.stereotype.Service;
@Service
public class ProductService implements Runnable {
    final ProductRepository repository;
    public ProductService(ProductRepository repository) { this.repository = repository; }
    public void update(Long id, String owner) { repository.saveAndFlush(new Product(id, owner)); }

    public void syncLater() { new Thread(this).start(); }
    public void run() { update(1L, "bob"); }
    static void pause() { try { Thread.sleep(400); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
}
