package shop;
public class PlainProductService extends AbstractService {
    public PlainProductService(ProductRepository repository) { super(repository); }
}
