package writer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.*;
@Configuration
public class Db {
    @Bean DataSource dataSource(@Value("${app.db}") String url, @Value("${app.db-user:sa}") String user) { return DataSourceBuilder.create().url(url).username(user).build(); }
}
