package shop;

import org.springframework.stereotype.Service;

@Service
public class Report {
    private final ProductStore products;

    public Report(ProductStore products) {
        this.products = products;
    }

    public String line(long id) {
        return id + ": " + products.name(id);
    }
}
