package shop.sql;
public class PetSql {
    public static final String NAME = "select name from owner where id = ?";
}
