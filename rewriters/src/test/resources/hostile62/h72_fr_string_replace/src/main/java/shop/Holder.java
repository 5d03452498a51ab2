package shop;

public class Holder {
    public final String prefix;

    public Holder(String prefix) {
        this.prefix = prefix;
    }

    public String display() {
        return prefix.replace('_', ' ');
    }
}
