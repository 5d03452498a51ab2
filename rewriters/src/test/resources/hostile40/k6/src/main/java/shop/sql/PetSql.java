package shop.sql;
public class PetSql {
    public static final String AUDIT = "insert into owner (name, id) values ('x', 7)";
    public static final String RENAME = "update pet set name = 'felix' where id = 1";
}
