package shop;
public class Registry { public static CatWriter writer; }
