package shop;
public enum Plan {
    BASIC, PRO;
    private int price;
    public int getPrice() { return price; }
    public void setPrice(int price) { this.price = price; }
}
