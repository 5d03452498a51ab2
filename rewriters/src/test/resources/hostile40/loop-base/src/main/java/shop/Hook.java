package shop;

public class Hook {
    public static void onServe(String sku) {}
}
