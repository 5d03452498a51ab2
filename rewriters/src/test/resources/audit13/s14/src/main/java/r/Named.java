package r;

public interface Named {
    String getName();
}
