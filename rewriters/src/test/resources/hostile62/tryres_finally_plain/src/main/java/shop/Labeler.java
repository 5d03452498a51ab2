package shop;

public class Labeler implements AutoCloseable {
    @Override
    public void close() {
    }

    private String prefix = "";

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String label(String role) {
        return prefix + role;
    }
}
