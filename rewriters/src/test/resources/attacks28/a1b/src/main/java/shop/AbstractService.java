package shop;
public abstract class AbstractService {
    protected final ProductRepository repository;
    protected AbstractService(ProductRepository repository) { this.repository = repository; }
    public Product update(Product entity) { return repository.saveAndFlush(entity); }
}
