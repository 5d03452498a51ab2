package demo;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;
// jdbc flavour; a stub body is enough for the analysis
@Repository
@Profile("jdbc")
public class JdbcOwnerRepositoryImpl implements OwnerRepository {
    public Owner findById(int id) { return new Owner(); }
}
