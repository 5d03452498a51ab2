package shop;
public class ProductView {
    private Long id;
    private String owner;
    public ProductView() {}
    public ProductView(Long id, String owner) { this.id = id; this.owner = owner; }
    public Long getId() { return id; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
}
