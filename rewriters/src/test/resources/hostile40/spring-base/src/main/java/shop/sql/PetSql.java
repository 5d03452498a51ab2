package shop.sql;
public class PetSql {
    public static final String RENAME = "insert into owner (name, id) values (?, ?)";
}
