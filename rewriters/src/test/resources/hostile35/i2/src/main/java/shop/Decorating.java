package shop;
public interface Decorating {
    default void decorate(Cat c) { c.setName(c.getName() + "!"); }
}
