package dev.optkit.samples.spring;

public enum CustomerTier {
    STANDARD,
    SILVER,
    GOLD
}
