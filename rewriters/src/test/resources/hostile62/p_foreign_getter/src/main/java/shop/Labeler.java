package shop;

public class Labeler {
    private String prefix = "";

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String label(String role) {
        return prefix + role;
    }
}
