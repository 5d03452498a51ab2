package shop;
public record View(Cat c) {
    public View { c.setName(c.getName() + "!"); }
}
