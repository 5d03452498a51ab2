package shop;
public class BaseDao {
    protected static final String RENAME = "update pet set name = ? where id = ?";
}
