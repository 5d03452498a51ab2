package demo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
/** The jpa setup reuses the jdbc pet store on top of the JPA owners. */
@Configuration
@Profile("jpa")
public class JpaConfig {
    @Bean
    public PetRepository petRepository(OwnerRepository owners) {
        return new JdbcPetRepositoryImpl(owners);
    }
}
