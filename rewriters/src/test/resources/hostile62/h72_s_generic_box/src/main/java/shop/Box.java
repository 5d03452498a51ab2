package shop;

public class Box<T> {
    public T value;

    public Box(T value) {
        this.value = value;
    }

    public void set(T value) {
        this.value = value;
    }
}
