package shop;
import java.util.function.BiConsumer;
public class Helper { public static BiConsumer<Long, String> bind(CatWriter w) { return w::rename; } }
