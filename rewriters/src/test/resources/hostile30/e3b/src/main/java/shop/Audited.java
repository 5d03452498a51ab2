package shop;
public interface Audited {}
