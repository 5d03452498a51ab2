package shop.model;

public record Entry(String sku) {
}
