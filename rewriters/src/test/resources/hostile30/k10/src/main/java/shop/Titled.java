package shop;
public interface Titled { String getTitle(); }
