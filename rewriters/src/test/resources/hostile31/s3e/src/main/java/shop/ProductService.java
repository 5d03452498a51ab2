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

    @org.springframework.context.event.EventListener
    private void on(OwnerChanged e) { update(e.id(), e.owner()); }
    public void changeNow(Long id, String owner) { on(new OwnerChanged(id, owner)); }
    static void pause() { try { Thread.sleep(400); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }
}
