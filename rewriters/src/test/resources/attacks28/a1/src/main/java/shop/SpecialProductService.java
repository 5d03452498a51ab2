package shop;
import org.springframework.stereotype.Service;
@Service
public class SpecialProductService extends PlainProductService {
    public SpecialProductService(ProductRepository repository) { super(repository); }
}
