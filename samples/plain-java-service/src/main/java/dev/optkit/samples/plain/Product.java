package dev.optkit.samples.plain;

public record Product(long id, String sku, String name, String category) {
}
