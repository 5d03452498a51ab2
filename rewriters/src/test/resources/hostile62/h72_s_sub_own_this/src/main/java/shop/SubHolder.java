package shop;

public class SubHolder extends Holder {
    public void allow(String r) { this.allowed.add(r); }
}
