package shop;
public interface Titled { String getTitle(); void setTitle(String t); }
