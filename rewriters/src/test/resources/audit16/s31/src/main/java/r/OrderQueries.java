package r;

public class OrderQueries {
    public static final String INSERT_ORDER = "INSERT INTO orders (code) VALUES (?)";
}
