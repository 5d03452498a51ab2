package shop;
public interface Labeler { String getLabel(); }
