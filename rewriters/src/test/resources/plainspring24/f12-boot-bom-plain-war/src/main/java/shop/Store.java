package shop;

public interface Store {
    String name(long id);

    void rename(long id, String name);
}
