package shop;

public class Hook {
    public static volatile java.util.List<String> target;
    public static volatile Thread adder;
    public static void onServe(String sku) throws Exception {
        if (sku.equals("b") && adder == null) {
            Thread t = new Thread(() -> target.add("late"));
            adder = t;
            t.start();
            t.join(300);
        }
    }
}
