package shop;
public class Order {
    private final Long userNo;
    private Order(Long userNo) { this.userNo = userNo; }
    public static Order of(Long userNo) { return new Order(userNo); }
    public Long getUserNo() { return userNo; }
    public void shift(long n) { userNo.add(n); }
}
