package shop;
public class PlainProductService extends AbstractService<Product, ProductRepository> {
    public PlainProductService(ProductRepository repository) { super(repository); }
}
