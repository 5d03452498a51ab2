package shop;

public class Holder {
    public final String[] prefix = { "" };
    public void prefix(String p) { prefix[0] = p; }
}
