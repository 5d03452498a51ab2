package shop;
import java.util.function.Supplier;
public final class Registry { public static Supplier<CatWriter> writer; }
