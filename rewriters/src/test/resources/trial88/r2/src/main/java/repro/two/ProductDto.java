package repro.two;

import java.util.Set;

public class ProductDto {
    private Long id;
    private String name;
    private Set<Product> productList; // declared, never assigned by the copy constructor

    public ProductDto(Product product) {
        this.id = product.getId();
        this.name = product.getName();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Product> getProductList() { return productList; }
}
