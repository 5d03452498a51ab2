package dev.optkit.samples.spring;

public record Customer(long id, String name, String email, String countryCode) {
}
