package shop.sql;
public class PetSql {
    public static final String RENAME = "update pet set name = ? where id = ?";
    public static final String AUDIT = "insert into owner (id, name) values (?, ?)";
}
