package shop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.*;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
@SpringJUnitConfig(StoreTest.Config.class)
class StoreTest {
    @Configuration
    @ComponentScan(basePackages = "shop", excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = App.class))
    static class Config {
        @Bean javax.sql.DataSource ds() { return new org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder().build(); }
        @Bean org.springframework.jdbc.core.JdbcTemplate jdbc(javax.sql.DataSource ds) { return new org.springframework.jdbc.core.JdbcTemplate(ds); }
    }
    @Autowired ProductStore store;
    @Test void reads() { store.rename(1L, "x"); }
}
