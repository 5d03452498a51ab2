package shop;
public class Holder {
    public final String RENAME = "update pet set name = ? where id = ?";
}
