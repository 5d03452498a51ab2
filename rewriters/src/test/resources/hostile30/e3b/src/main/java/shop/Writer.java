package shop;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
@Component
public class Writer {
    public <R extends Audited & JpaRepository<Product, Long>> Product write(R r, Product p) { return r.saveAndFlush(p); }
}
