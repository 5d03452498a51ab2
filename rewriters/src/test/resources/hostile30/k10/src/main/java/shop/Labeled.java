package shop;
public interface Labeled { String getLabel(); }
