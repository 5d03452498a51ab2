package shop;
public interface ProductRepository extends BaseRepository<Product> {}
