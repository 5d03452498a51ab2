package shop.sql;
public class PetSql {
    // a text stored as data: what the audit trail shows for a rename
    public static final String NOTE = "insert into owner (name, id) values (?, ?)";
}
