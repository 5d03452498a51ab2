package shop;
public class Row { public String name; public int level; }
