package dev.optkit.samples.spring;

import javax.sql.DataSource;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.DefaultUriBuilderFactory;

@Configuration
@ComponentScan
@EnableJdbcRepositories
@EnableTransactionManagement
@EnableCaching
@PropertySource("classpath:application.properties")
public class AppConfig extends AbstractJdbcConfiguration {

    public static final String PARTNER_BASE_URL = "partner.base-url";

    /** Tests and the demo: an embedded H2 with the schema and the demo's rows. */
    @Bean(destroyMethod = "shutdown")
    @Profile("!production")
    public EmbeddedDatabase dataSource() {
        return new EmbeddedDatabaseBuilder()
                .generateUniqueName(true)
                .setType(EmbeddedDatabaseType.H2)
                .addScript("schema.sql")
                .addScript("data.sql")
                .build();
    }

    /**
     * Production: the PostgreSQL {@code production.properties} names, its password from the environment
     * ({@code SETTLEMENT_DATASOURCE_PASSWORD}).
     */
    @Configuration
    @Profile("production")
    @PropertySource("classpath:production.properties")
    public static class Production {
        @Bean
        public DataSource dataSource(Environment environment) {
            return new DriverManagerDataSource(environment.getRequiredProperty("settlement.datasource.url"),
                    environment.getRequiredProperty("settlement.datasource.username"),
                    environment.getRequiredProperty("settlement.datasource.password"));
        }
    }

    @Bean
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    public NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbcTemplate) {
        return new NamedParameterJdbcTemplate(jdbcTemplate);
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    public RestClient partnerRestClient(Environment environment) {
        return RestClient.builder()
                .baseUrl(environment.getRequiredProperty(PARTNER_BASE_URL))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.TEXT_PLAIN_VALUE)
                .build();
    }

    @Bean
    public RestTemplate partnerRestTemplate(Environment environment) {
        RestTemplate restTemplate = new RestTemplate();
        restTemplate.setUriTemplateHandler(new DefaultUriBuilderFactory(environment.getRequiredProperty(PARTNER_BASE_URL)));
        return restTemplate;
    }

    @Bean
    public CacheManager cacheManager() {
        return new ConcurrentMapCacheManager(ExchangeRateService.RATES_CACHE);
    }
}
