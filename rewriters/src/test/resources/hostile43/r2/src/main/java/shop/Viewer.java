package shop;
public record Viewer(String user, boolean likes) {}
