package shop;
public class BaseDao {
    protected static final String NAME = "select name from pet where id = ?";
}
