package shop;
import org.springframework.jdbc.core.RowMapper;
public final class Mappers {
    public static final RowMapper<Pet> COUNTING = new CountingMapper();
    public static RowMapper<Pet> counting() { return COUNTING; }
}
