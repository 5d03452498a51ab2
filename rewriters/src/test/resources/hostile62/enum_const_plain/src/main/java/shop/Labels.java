package shop;

public enum Labels {
    DEFAULT;

    private String prefix = "";

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String label(String role) {
        return prefix + role;
    }
}
