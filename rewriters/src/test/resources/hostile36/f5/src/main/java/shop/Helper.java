package shop;
public class Helper { public static void run(CatWriter w, Long id, String n) { w.rename(id, n); } }
