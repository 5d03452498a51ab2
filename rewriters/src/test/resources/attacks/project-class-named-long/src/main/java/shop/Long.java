package shop;
public class Long {
    private long value;
    public Long(long value) { this.value = value; }
    public long value() { return value; }
    public void add(long n) { value += n; }
}
