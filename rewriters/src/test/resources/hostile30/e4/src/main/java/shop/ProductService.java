package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService {
    private final ProductRepository repository;
    private final OrderRepository orderRepository;
    public ProductService(ProductRepository repository, OrderRepository orderRepository) { this.repository = repository; this.orderRepository = orderRepository; }
    public String getOwner(Long id) { return repository.getOwnerId(id); }
    public Product update(Product p) { return repository.saveAndFlush(p); }
    public void closeOrder(Order o) { new Closer(orderRepository).close(o); }
    class Closer extends AbstractService<Order, OrderRepository> {
        Closer(OrderRepository r) { super(r); }
        void close(Order o) { o.setStatus("closed"); repository.saveAndFlush(o); }
    }
}
