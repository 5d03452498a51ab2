package shop;

public enum Mode { OPEN, STRICT }
